using System.CommandLine;
using System.Diagnostics;
using Chalice.Deploy;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Planning;
using Spectre.Console;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net deploy</c>: builds the app for Lambda (or takes a folder from <c>chalice-net package</c>), plans
/// with read-only calls, prints the plan, and unless <c>--dry-run</c> makes the changes and prints the stage URL.
/// </summary>
public static class DeployCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var stage = CommonOptions.Stage();
        var aws = new AwsOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes a deploy would make, and make none." };
        var package = new Option<string?>("--package")
        {
            Description = "Deploy the package in this folder (written by 'chalice-net package') instead of building.",
            HelpName = "DIR",
        };
        var command = new Command("deploy", "Deploy the app to AWS: IAM role, Lambda function, REST API.") { stage, dryRun, package };
        aws.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, () => RunAsync(
            parse, options, aws, parse.GetValue(stage)!, parse.GetValue(dryRun), parse.GetValue(package), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, GlobalOptions options, AwsOptions awsOptions, string stage, bool dryRun, string? packageDirectory,
        CancellationToken cancellationToken)
    {
        var console = CliConsole.Create(parse.InvocationConfiguration.Output);
        var workspace = AppWorkspace.Open(parse.GetValue(options.ProjectDirectory)!, stage);
        var settings = awsOptions.Resolve(parse, options);

        var (package, manifest) = packageDirectory is not null
            ? PackageDescription.Read(packageDirectory)
            : await console.StatusAsync($"Building {workspace.Project.Name} for Lambda ({workspace.Stage.LambdaRuntime}, {workspace.Stage.LambdaArchitecture})…",
                () => workspace.PackageAsync(outputDirectory: null, parse.InvocationConfiguration.Error, cancellationToken));
        var spec = workspace.Spec(package, manifest, parse.InvocationConfiguration.Error);
        if (workspace.Stage.ManageIamRole)
        {
            // Analysed before planning, so that the AWS phase's time and calls are the deployer's alone.
            var policy = await console.StatusAsync("Inferring the IAM policy…", () => spec.Policy(cancellationToken));
            spec = spec with { Policy = _ => Task.FromResult(policy) };
        }

        var calls = new AwsCallRecorder();
        using var clients = new AwsClients(settings, new AwsClientOptions { Observer = calls });
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

        var result = await deployer.ExecuteAsync(plan, new InlineProgress<PlannedStep>(step => console.WriteLine($"  {step}")), cancellationToken);
        console.WriteLine(result.Changes.Count == 0
            ? $"{spec.Names.Base} was up to date ({Calls(calls)}, {clock.Elapsed.TotalSeconds:0.0} s)."
            : $"Deployed {spec.Names.Base}: {result.Changes.Count} change(s), {Calls(calls)}, {clock.Elapsed.TotalSeconds:0.0} s.");
        if (result.Url is { } url)
            console.WriteLine($"Rest API URL: {url}");
        return ExitCodes.Success;
    }

    private static string Calls(AwsCallRecorder calls) =>
        $"{calls.ReadCalls + calls.MutatingCalls} AWS calls ({calls.ReadCalls} reads, {calls.MutatingCalls} mutating)";
}
