using System.Text;
using System.Text.Json.Nodes;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// <c>chalice-net invoke NAME</c> on a deployed stage: Lambda's <c>Invoke</c> on the function the state file records,
/// against an endpoint that answers as Lambda does (<see cref="LambdaInvokeStandIn"/>): the payload on standard output;
/// a function error as its type and message with exit code 1; <c>--log-tail</c>'s log on standard error; throttling
/// retried, then one line.
/// </summary>
public sealed class RemoteInvokeCommandTests : IDisposable
{
    private const string ErrorDocument =
        """{"errorType":"System.InvalidOperationException","errorMessage":"the warehouse is on fire","stackTrace":["at Explode()"]}""";

    private readonly string _app = CreateApp();

    static RemoteInvokeCommandTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    [Fact]
    public async Task The_deployed_functions_payload_is_printed()
    {
        using var lambda = new LambdaInvokeStandIn((_, payload) => (200, $$"""{"echo":{{Encoding.UTF8.GetString(payload)}}}""", []));
        var file = Path.Combine(_app, "event.json");
        await File.WriteAllTextAsync(file, """{"a":40,"b":2}""", TestContext.Current.CancellationToken);

        var run = await RunAsync(lambda, "invoke", "add", "--event", file);

        Assert.Equal((0, """{"echo":{"a":40,"b":2}}""" + "\n", ""), (run.ExitCode, run.Output.ReplaceLineEndings("\n"), run.Error));
        Assert.Equal([("shop-dev-add", """{"a":40,"b":2}""", false)], lambda.Invocations);
    }

    [Fact]
    public async Task Without_an_event_the_function_gets_an_empty_object()
    {
        using var lambda = new LambdaInvokeStandIn((_, _) => (200, "null", []));

        var run = await RunAsync(lambda, "invoke", "api_handler");

        Assert.Equal((0, "null"), (run.ExitCode, run.Output.TrimEnd('\n')));
        Assert.Equal([("shop-dev", "{}", false)], lambda.Invocations);
    }

    [Fact]
    public async Task A_function_error_is_its_type_and_message_and_exit_code_1()
    {
        using var lambda = new LambdaInvokeStandIn((_, _) => (200, ErrorDocument, new() { ["X-Amz-Function-Error"] = "Unhandled" }));

        var run = await RunAsync(lambda, "invoke", "add");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal(["error: shop-dev-add failed: System.InvalidOperationException: the warehouse is on fire"], run.ErrorLines);
    }

    [Fact]
    public async Task Log_tail_prints_the_log_Lambda_returns_to_standard_error()
    {
        var log = "START RequestId: 1\nshop - INFO - adding\nEND RequestId: 1\n";
        using var lambda = new LambdaInvokeStandIn((_, _) => (200, "3", new() { ["X-Amz-Log-Result"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(log)) }));

        var run = await RunAsync(lambda, "invoke", "add", "--log-tail");

        Assert.Equal((0, "3"), (run.ExitCode, run.Output.TrimEnd('\n')));
        Assert.Equal(log, run.Error.ReplaceLineEndings("\n"));
        Assert.True(Assert.Single(lambda.Invocations).LogTail);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_one_line()
    {
        var answers = 0;
        using var lambda = new LambdaInvokeStandIn((_, _) => Interlocked.Increment(ref answers) == 1
            ? (429, """{"Type":"User","message":"Rate exceeded"}""", new() { ["X-Amzn-ErrorType"] = "TooManyRequestsException" })
            : (200, "\"ok\"", []));

        var retried = await RunAsync(lambda, "invoke", "add");

        Assert.Equal((0, "\"ok\""), (retried.ExitCode, retried.Output.TrimEnd('\n')));
        Assert.Equal(2, lambda.Invocations.Count);

        using var throttled = new LambdaInvokeStandIn((_, _) =>
            (429, """{"Type":"User","message":"Rate exceeded"}""", new() { ["X-Amzn-ErrorType"] = "TooManyRequestsException" }));
        var run = await RunAsync(throttled, "invoke", "add");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal(["error: Lambda Invoke failed: TooManyRequestsException: Rate exceeded (HTTP 429)"], run.ErrorLines);
        Assert.True(throttled.Invocations.Count > 1);
    }

    [Fact]
    public async Task A_function_the_stage_does_not_have_is_one_line_naming_those_it_has()
    {
        using var lambda = new LambdaInvokeStandIn((_, _) => (200, "null", []));

        var run = await RunAsync(lambda, "invoke", "resize");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: Stage 'dev' has no deployed function named 'resize'; it has: api_handler, add. Use --local to run the app's code here."],
            run.ErrorLines);
        Assert.Empty(lambda.Invocations);
    }

    [Fact]
    public async Task Options_of_the_other_mode_are_usage_errors()
    {
        using var lambda = new LambdaInvokeStandIn((_, _) => (200, "null", []));

        var aws = await CliRun.RunAsync("invoke", "add", "--aws", "--project-dir", _app);
        var logTail = await CliRun.RunAsync("invoke", "add", "--local", "--log-tail", "--project-dir", _app);

        Assert.Equal(2, aws.ExitCode);
        Assert.Equal(["error: --aws is for a local run; stage 'dev' is deployed, so add --local."], aws.ErrorLines);
        Assert.Equal(2, logTail.ExitCode);
        Assert.Equal(["error: --log-tail is for invoking the deployed function; drop it or --local."], logTail.ErrorLines);
        Assert.Empty(lambda.Invocations);
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);

    private Task<CliRun> RunAsync(LambdaInvokeStandIn lambda, params string[] command) =>
        CliRun.RunAsync([.. command, "--project-dir", _app, "--endpoint-url", lambda.Endpoint.ToString()]);

    /// <summary>An app folder whose stage dev is deployed: the API and one function, as the state file records them.</summary>
    private static string CreateApp()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-invoke-").FullName;
        File.WriteAllText(Path.Combine(folder, "shop.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Directory.CreateDirectory(Path.Combine(folder, ".chalice", "deployed"));
        File.WriteAllText(Path.Combine(folder, ".chalice", "config.json"), """{ "app_name": "shop", "stages": { "dev": {} } }""");
        var state = new JsonObject
        {
            ["schema_version"] = "2.0", ["backend"] = "api", ["app_name"] = "shop", ["stage"] = "dev", ["region"] = MotoServer.Region,
            ["resources"] = new JsonArray(Function("api_handler", "shop-dev"), Function("add", "shop-dev-add")),
        };
        File.WriteAllText(Path.Combine(folder, ".chalice", "deployed", "dev.json"), state.ToJsonString());
        return folder;

        static JsonObject Function(string name, string functionName) => new()
        {
            ["resource_type"] = "lambda_function", ["name"] = name, ["function_name"] = functionName,
            ["lambda_arn"] = $"arn:aws:lambda:{MotoServer.Region}:{MotoServer.AccountId}:function:{functionName}",
        };
    }
}
