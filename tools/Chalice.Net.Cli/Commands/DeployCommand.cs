using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Chalice.Deploy;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Sts;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;
using Spectre.Console;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net deploy</c>: checks the app, its config and the AWS credentials, builds the app for Lambda (or takes a
/// folder from <c>chalice-net package</c>), plans with read-only calls, prints the plan, and unless <c>--dry-run</c>
/// makes the changes and prints the stage URL.
/// </summary>
public static class DeployCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var ignoreUnknown = CommonOptions.IgnoreUnknownSettings();
        var aws = new AwsOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes a deploy would make, and make none." };
        var package = new Option<string?>("--package")
        {
            Description = "Deploy the package in this folder (written by 'chalice-net package') instead of building.",
            HelpName = "DIR",
        };
        var showApiKeys = new Option<bool>("--show-api-keys")
        {
            Description = "Print the values of the stage's API keys (api_keys), not only their ids.",
        };
        var overrides = new ConfigOverrideOptions();
        var connectionTimeout = new Option<int?>("--connection-timeout")
        {
            Description = "Seconds to wait for a connection to an AWS endpoint before the attempt fails (default: only each attempt's 2-minute limit).",
            HelpName = "SECONDS",
        };
        connectionTimeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
                result.AddError("--connection-timeout must be a positive number of seconds.");
        });
        var command = new Command("deploy", "Deploy the app to AWS: IAM role, Lambda function, REST API.")
        {
            app.Option, stage, ignoreUnknown, dryRun, package, showApiKeys, connectionTimeout,
        };
        overrides.AddTo(command);
        aws.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var stageName = parse.GetValue(stage)!;
            var changing = new StrongBox<bool>();
            return CommandFailures.RunAsync(parse, options, cancellationToken,
                () => RunAsync(parse, app, aws, stageName, parse.GetValue(ignoreUnknown), parse.GetValue(dryRun), parse.GetValue(package),
                    parse.GetValue(showApiKeys), overrides.Settings(parse), parse.GetValue(connectionTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    changing, cancellationToken),
                whenCancelled: () => changing.Value
                    ? $"Deploy cancelled. What it created is recorded in .chalice/deployed/{stageName}.json; run " +
                      $"'chalice-net deploy --stage {stageName}' again to finish, or 'chalice-net delete --stage {stageName}' to remove it."
                    : "Deploy cancelled before it changed anything.");
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, AppLocation app, AwsOptions awsOptions, string stage, bool ignoreUnknownSettings, bool dryRun,
        string? packageDirectory, bool showApiKeys, JsonObject commandLineSettings, TimeSpan? connectTimeout, StrongBox<bool> changing,
        CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration;
        var console = CliConsole.Create(output.Output);
        var workspace = AppWorkspace.Open(app.Value(parse), stage,
            ignoreUnknownSettings ? ConfigCheck.EnforceExceptUnknownKeys : ConfigCheck.Enforce, output.Error, commandLineSettings);
        if (packageDirectory is null)
            await workspace.Project.EnsureIsAppAsync(cancellationToken);
        AppNameCheck.MatchesDeployedStage(workspace);

        // The build and the policy analysis read the same sources and nothing of each other: they run at once, and
        // each is skipped when its inputs are unchanged since the last deploy (BuildCache, PolicyCache).
        var phases = new DeployPhases();
        var managesRole = workspace.Stage.ManageIamRole;
        using var local = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var building = phases.TimeAsync("build", () => packageDirectory is not null
            ? Task.FromResult(PackageDescription.Read(packageDirectory))
            : workspace.PackageAsync(outputDirectory: null, output.Error, local.Token));
        var inferring = managesRole
            ? phases.TimeAsync<FunctionPolicies?>("policy", async () => await workspace.PolicyAsync(output.Error, local.Token))
            : Task.FromResult<FunctionPolicies?>(null);

        // Credentials and endpoint are checked meanwhile: wrong ones stop the deploy in a second, the build with it,
        // and right ones cost a no-op redeploy nothing.
        var settings = awsOptions.Resolve(parse);
        CallerIdentity identity;
        try
        {
            identity = await console.StatusAsync("Checking the AWS credentials…", () => AwsIdentityCheck.VerifyAsync(settings, connectTimeout, cancellationToken));
        }
        catch
        {
            await local.CancelAsync();
            await Task.WhenAll(building, inferring).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        console.WriteLine($"Deploying as {identity.Arn} (account {identity.Account}, {settings.Region}).");
        var status = packageDirectory is not null ? $"Reading {packageDirectory}…"
            : $"Building {workspace.Project.Name} for Lambda ({workspace.Stage.LambdaRuntime}, {workspace.Stage.LambdaArchitecture})" +
              (managesRole ? " and inferring its IAM policy…" : "…");
        var (package, manifest) = await console.StatusAsync(status, async () =>
        {
            try
            {
                await Task.WhenAll(building, inferring);
            }
            catch when (building.IsCompletedSuccessfully || inferring.IsCompletedSuccessfully)
            {
                // One failed: its own exception (below) is the one to report, not the AggregateException's first.
            }
            return await building;
        });
        var policy = await inferring;
        if (package.Reused)
            phases.Note("build", "unchanged");
        AppNameCheck.ConfigAgreesWithCode(workspace, manifest);
        AppNameCheck.MatchesDeployedStage(workspace, manifest);
        var spec = workspace.Spec(package, manifest, output.Error);
        if (managesRole)
            spec = spec with { Policy = _ => Task.FromResult(policy!) };

        var calls = new AwsCallRecorder();
        using var clients = new AwsClients(settings, new AwsClientOptions { Observer = calls, ConnectTimeout = connectTimeout });
        var deployer = new Deployer(clients, workspace.Store);
        var clock = Stopwatch.StartNew();
        var plan = await console.StatusAsync($"Planning {spec.Names.Base} in {settings.Region}…", () => deployer.PlanAsync(spec, cancellationToken));

        if (dryRun)
        {
            console.WriteLine(plan.IsUpToDate
                ? $"{spec.Names.Base} is up to date: a deploy would change nothing."
                : $"A deploy of {spec.Names.Base} would make {plan.Steps.Count} change(s):");
            foreach (var line in plan.Describe())
                console.WriteLine($"  {line}");
            console.WriteLine($"Dry run: {Calls(calls)}, nothing changed.");
            return ExitCodes.Success;
        }

        changing.Value = true;
        var result = await deployer.ExecuteAsync(plan, new InlineProgress<PlannedStep>(step => console.WriteLine($"  {step}")), cancellationToken);
        phases.Add("AWS", clock.Elapsed);
        console.WriteLine(result.Changes.Count == 0
            ? $"{spec.Names.Base} was up to date ({Calls(calls)}, {clock.Elapsed.TotalSeconds:0.0} s)."
            : $"Deployed {spec.Names.Base}: {result.Changes.Count} change(s), {Calls(calls)}, {clock.Elapsed.TotalSeconds:0.0} s.");
        console.WriteLine($"Phases: {phases}.");
        if (result.Url is { } url)
            console.WriteLine(result.State.Api is DeployedHttpApi ? $"HTTP API URL: {url}" : $"Rest API URL: {url}");
        var values = showApiKeys && result.State.Resources.OfType<DeployedApiKey>().Any()
            ? await clients.ApiGateway.GetApiKeysAsync(includeValues: true, cancellationToken)
            : null;
        foreach (var line in ApiKeyReport.Lines(result.State, values))
            console.WriteLine(line);
        if (result.State.Find<DeployedDomainName>() is { } domain)
        {
            // What Chalice prints, so that DNS can be pointed at the domain: an alias record (Route 53) or a CNAME.
            console.WriteLine($"Custom domain name: {domain.Url}");
            console.WriteLine($"  AliasDomainName: {domain.AliasDomainName} (point {domain.DomainName} at it: a CNAME, or a Route 53 alias record)");
            console.WriteLine($"  HostedZoneId: {domain.HostedZoneId}");
        }
        return ExitCodes.Success;
    }

    private static string Calls(AwsCallRecorder calls) =>
        $"{calls.ReadCalls + calls.MutatingCalls} AWS calls ({calls.ReadCalls} reads, {calls.MutatingCalls} mutating)";
}
