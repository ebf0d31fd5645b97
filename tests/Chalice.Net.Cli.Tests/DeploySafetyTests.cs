using Chalice.Deploy.State;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// Deploys that must not leave resources behind or duplicate them: one stopped with Ctrl+C halfway, and one whose app
/// was renamed under a deployed stage. samples/S3Test's package against moto; each test in an app folder of its own.
/// </summary>
public sealed class DeploySafetyTests(MotoServer moto, S3TestPackage package) : IClassFixture<MotoServer>
{
    static DeploySafetyTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    /// <summary>
    /// An app folder for the packaged sample, with its policy in a file: the folder's own code is not the package's,
    /// so there is nothing to infer a policy from.
    /// </summary>
    private static TempApp App(string appName, string stage)
    {
        var app = TempApp.Create($$"""
            { "app_name": "{{appName}}", "autogen_policy": false, "iam_policy_file": "policy.json", "stages": { "{{stage}}": {} } }
            """);
        app.WriteChaliceFile("policy.json",
            """{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ippevent-public/*" }] }""");
        return app;
    }

    private async Task<string[]> DeployArgs(TempApp app, string stage, Uri endpoint, params string[] extra) =>
        ["deploy", "--project-dir", app.Directory, "--stage", stage, "--package", await package.Directory,
         "--endpoint-url", endpoint.ToString(), "--region", MotoServer.Region, .. extra];

    [Fact]
    public async Task Ctrl_C_midway_says_so_exits_130_and_the_next_deploy_finishes_without_duplicates()
    {
        moto.EnsureAvailable();
        using var app = App("s3test", "cancel");
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        using var ctrlC = new CancellationTokenSource();
        // Pressed while Lambda creates the function: moto has made it, the CLI never hears so.
        proxy.Log = line =>
        {
            if (line.Contains(" POST /2015-03-31/functions lambda", StringComparison.Ordinal))
                ctrlC.Cancel();
        };

        var cancelled = await CliRun.RunAsync(await DeployArgs(app, "cancel", proxy.Endpoint), ctrlC.Token);

        Assert.True(cancelled.ExitCode == 130, $"exit code {cancelled.ExitCode}\n{cancelled.Output}\n{cancelled.Error}");
        Assert.Equal(
            ["Deploy cancelled. What it created is recorded in .chalice/deployed/cancel.json; run 'chalice-net deploy --stage cancel' " +
             "again to finish, or 'chalice-net delete --stage cancel' to remove it."],
            cancelled.ErrorLines);
        var recorded = new DeployedStateStore(app.Directory).Load("cancel")!; // a whole, readable file
        Assert.NotNull(recorded.Find<DeployedRole>());
        Assert.Null(recorded.Find<DeployedRestApi>());

        var resumed = (await CliRun.RunAsync(await DeployArgs(app, "cancel", moto.Endpoint))).Succeeded();
        var again = (await CliRun.RunAsync(await DeployArgs(app, "cancel", moto.Endpoint))).Succeeded();

        Assert.Contains("Rest API URL: ", resumed.Output, StringComparison.Ordinal);
        Assert.Contains(" 0 mutating)", again.Output, StringComparison.Ordinal);
        (await CliRun.RunAsync("delete", "--project-dir", app.Directory, "--stage", "cancel", "--endpoint-url", moto.Endpoint.ToString(), "--region", MotoServer.Region)).Succeeded();
    }

    [Fact]
    public async Task Renaming_a_deployed_app_is_refused_and_delete_removes_what_the_old_name_deployed()
    {
        moto.EnsureAvailable();
        using var app = App("s3test", "rename");
        (await CliRun.RunAsync(await DeployArgs(app, "rename", moto.Endpoint))).Succeeded();

        app.WriteConfig(File.ReadAllText(app.ConfigFile).Replace("\"s3test\"", "\"notes\"", StringComparison.Ordinal));
        var renamed = await CliRun.RunAsync(await DeployArgs(app, "rename", moto.Endpoint));

        Assert.Equal(1, renamed.ExitCode);
        Assert.Equal(
            ["error: app_name is \"notes\", but stage rename is deployed as \"s3test\" (.chalice/deployed/rename.json): a deploy would " +
             "create notes-rename and leave s3test-rename behind. Run 'chalice-net delete --stage rename' first (it deletes s3test-rename), " +
             "or rename the app back to \"s3test\"."],
            renamed.ErrorLines);
        Assert.Equal("", renamed.Output);

        var deleted = (await CliRun.RunAsync("delete", "--project-dir", app.Directory, "--stage", "rename",
            "--endpoint-url", moto.Endpoint.ToString(), "--region", MotoServer.Region)).Succeeded();
        Assert.Contains("Deleted s3test-rename", deleted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_name_that_disagrees_with_ChaliceApp_is_refused_before_anything_is_created()
    {
        moto.EnsureAvailable();
        using var app = App("notes", "disagree");

        var run = await CliRun.RunAsync(await DeployArgs(app, "disagree", moto.Endpoint));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["error: [ChaliceApp(\"s3test\")] and app_name \"notes\" in .chalice/config.json differ; make them the same (resources are named after app_name)."],
            run.ErrorLines);
        Assert.Null(new DeployedStateStore(app.Directory).Load("disagree"));
    }
}
