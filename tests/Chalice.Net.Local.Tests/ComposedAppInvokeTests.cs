using Chalice.Hosting;
using ComposedAppClass = Chalice.ComposedApp.App;

namespace Chalice.Local.Tests;

/// <summary>
/// <c>invoke NAME</c> (what <c>chalice-net invoke</c> runs) on tests/TestApps/ComposedApp, whose functions are declared in
/// blueprints: each runs by its prefixed name, through the app's middleware, as the deployed function would.
/// </summary>
public sealed class ComposedAppInvokeTests : IDisposable
{
    private readonly DirectoryInfo _app = Directory.CreateTempSubdirectory("chalice-invoke-composed-");

    public ComposedAppInvokeTests()
    {
        Directory.CreateDirectory(Path.Combine(_app.FullName, ".chalice"));
        File.WriteAllText(Path.Combine(_app.FullName, ".chalice", "config.json"), """{"stages": {"dev": {}}}""");
    }

    public void Dispose() => _app.Delete(recursive: true);

    [Fact]
    public async Task A_blueprints_SQS_handler_runs_by_its_prefixed_name_with_a_sample_of_its_queue()
    {
        var (exitCode, output, error) = await RunAsync("orders_Process");

        Assert.True(exitCode == 0, error);
        Assert.Equal("""{"batchItemFailures":[]}""" + "\n", output);
        Assert.Contains("A batch of 1 messages, 0 poison", error); // the app's SQS middleware saw the batch
    }

    [Fact]
    public async Task A_blueprints_pure_function_runs_by_its_prefixed_name_through_the_middleware()
    {
        var (exitCode, output, error) = await RunAsync(["users_lookup", "--event", "-"], """{"id": "u-1"}""");

        Assert.True(exitCode == 0, error);
        Assert.Equal("""{"id":"u-1","name":"Ada","trail":["all","pure_lambda","handler"]}""" + "\n", output);
    }

    [Fact]
    public async Task A_blueprints_schedule_runs_by_its_prefixed_name_and_the_unprefixed_name_is_unknown()
    {
        var nightly = await RunAsync("admin_Nightly");
        // The schedules' ConvertToMiddleware names the function it ran in: the deployed name for the stage.
        Assert.Equal((0, """{"audited":"composedapp-dev-admin_Nightly","event":"EventBridgeEvent","result":null}""" + "\n"), (nightly.ExitCode, nightly.Output));

        var unprefixed = await RunAsync("Nightly");
        Assert.Equal(1, unprefixed.ExitCode);
        Assert.Contains("admin_Nightly", unprefixed.Error);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string function) => RunAsync([function], "");

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string input)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await LocalInvocation.RunAsync(
            Definition<ComposedAppClass>(), [.. args, "--aws", "--project-dir", _app.FullName], output, error, new StringReader(input),
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static ChaliceAppDefinition Definition<TApp>() where TApp : IChaliceApp => TApp.Definition;
}
