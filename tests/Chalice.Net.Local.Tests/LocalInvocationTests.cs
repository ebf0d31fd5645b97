using System.Text.Json.Nodes;
using Chalice.EventsApp;
using Chalice.Hosting;

namespace Chalice.Local.Tests;

/// <summary>
/// <c>invoke NAME</c> as the app's own <c>Main</c> runs it (<c>dotnet run -- invoke …</c>, which <c>chalice-net invoke</c>
/// calls): the result alone on standard output, logs and mistakes on standard error, in one line each.
/// </summary>
public sealed class LocalInvocationTests : IDisposable
{
    private readonly DirectoryInfo _app = Directory.CreateTempSubdirectory("chalice-invoke-");

    public LocalInvocationTests()
    {
        Directory.CreateDirectory(Path.Combine(_app.FullName, ".chalice"));
        File.WriteAllText(Path.Combine(_app.FullName, ".chalice", "config.json"), """
            {
              "environment_variables": {"EVENTSAPP_GREETING": "hello"},
              "stages": {
                "dev": {},
                "qa": {"lambda_functions": {"settings": {"environment_variables": {"EVENTSAPP_GREETING": "hi from qa"}, "lambda_memory_size": 512}}}
              }
            }
            """);
    }

    public void Dispose() => _app.Delete(recursive: true);

    [Fact]
    public async Task An_event_from_a_file_prints_the_result()
    {
        var file = Path.Combine(_app.FullName, "numbers.json");
        await File.WriteAllTextAsync(file, """{"a": 20, "b": 22}""");

        var run = await RunAsync("invoke", "add", "--event", file, "--aws");

        Assert.Equal((0, """{"total":42,"expression":"20 + 22"}""" + "\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public async Task An_event_from_standard_input_prints_the_result()
    {
        var run = await RunAsync(["invoke", "add", "--event", "-", "--aws"], input: """{"a": 1, "b": 2}""");

        Assert.Equal((0, """{"total":3,"expression":"1 + 2"}""" + "\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public async Task Without_an_event_a_sample_of_the_functions_source_is_sent()
    {
        var orders = await RunAsync("invoke", "ProcessOrders", "--aws");
        Assert.Equal((0, """{"batchItemFailures":[]}""" + "\n"), (orders.ExitCode, orders.Output));

        // The S3 handler's bucket, and a key its prefix and suffix accept; the deployed function's name for the stage.
        var resize = await RunAsync("invoke", "Resize", "--stage", "qa", "--aws");
        Assert.Equal((0, "null\n"), (resize.ExitCode, resize.Output));
        Assert.Contains("Resize saw ObjectCreated:Put uploads/photos/sample.jpg in eventsapp-qa-Resize", resize.Error);
    }

    [Fact]
    public async Task The_stages_settings_apply_with_the_functions_own_over_the_stages()
    {
        var dev = await RunAsync("invoke", "settings", "--aws");
        Assert.Equal("\"hello from eventsapp-dev-settings with 128 MB\"\n", dev.Output);

        var qa = await RunAsync("invoke", "settings", "--stage", "qa", "--aws");
        Assert.Equal("\"hi from qa from eventsapp-qa-settings with 512 MB\"\n", qa.Output);
    }

    [Fact]
    public async Task By_default_the_apps_AWS_calls_go_to_the_local_stand_ins()
    {
        var run = await RunAsync(["invoke", "add", "--event", "-"], input: "{}");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"AWS S3, SQS and SNS calls go to local stand-ins \(S3 http://127\.0\.0\.1:\d+/, SQS http://127\.0\.0\.1:\d+/, SNS http://127\.0\.0\.1:\d+/", run.Error);
        Assert.All(["s3", "sqs", "sns"], service => Assert.True(Directory.Exists(Path.Combine(_app.FullName, ".chalice", "local", service)), service));
    }

    [Theory]
    [InlineData("resize", "error: 'resize' names no function of the app 'eventsapp'; its functions are api_handler, every_five_minutes, Nightly, Resize, ProcessOrders, alert, InstanceStopped, Clicks, OrderChanges, add, Describe, settings, Explode.")]
    [InlineData("api_handler", "error: api_handler takes an API Gateway proxy event: pass one with --event, or serve the API with 'dotnet run'.")]
    public async Task An_unknown_name_is_one_line(string name, string line)
    {
        var run = await RunAsync("invoke", name, "--aws");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal([line], run.ErrorLines);
    }

    [Fact]
    public async Task Malformed_JSON_is_one_line()
    {
        var run = await RunAsync(["invoke", "add", "--event", "-", "--aws"], input: """{"a": 1,""");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: The payload is not JSON, which Lambda refuses (could not parse request body into json):", line);
    }

    [Fact]
    public async Task An_event_of_another_source_is_one_line_saying_what_the_function_expects()
    {
        var run = await RunAsync(["invoke", "Resize", "--event", "-", "--aws"], input: """{"Records": [{"messageId": "1"}]}""");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: The function 'Resize' expects an S3 event notification (Records[].eventSource = aws:s3); the payload is not one:", line);
    }

    [Fact]
    public async Task A_missing_event_file_is_one_line()
    {
        var run = await RunAsync("invoke", "add", "--event", "no-such-event.json", "--aws");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: --event: 'no-such-event.json' does not exist."], run.ErrorLines);
    }

    [Fact]
    public async Task A_failing_function_prints_lambdas_error_document_and_exits_one()
    {
        var run = await RunAsync("invoke", "Explode", "--aws");

        Assert.Equal(1, run.ExitCode);
        var document = JsonNode.Parse(run.Output)!;
        Assert.Equal(("InvalidOperationException", "the warehouse is on fire"),
            (document["errorType"]!.GetValue<string>(), document["errorMessage"]!.GetValue<string>()));
        Assert.Contains("error: the function 'Explode' failed: InvalidOperationException: the warehouse is on fire", run.ErrorLines);
    }

    [Theory]
    [InlineData(new[] { "invoke" }, "error: Name the function to invoke: invoke NAME. (invoke --help lists the options)")]
    [InlineData(new[] { "invoke", "add", "--events", "x.json" }, "error: Unknown option '--events'. (invoke --help lists the options)")]
    [InlineData(new[] { "invoke", "add", "--event" }, "error: --event needs a value. (invoke --help lists the options)")]
    public async Task A_wrong_command_line_is_a_usage_error(string[] args, string line)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([line], run.ErrorLines);
    }

    [Fact]
    public async Task Help_says_what_it_does()
    {
        var run = await RunAsync("invoke", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: dotnet run -- invoke NAME [options], or chalice-net invoke NAME [options]", run.Output);
        Assert.Contains("--event <FILE|->", run.Output);
        Assert.Contains("a realistic sample event for the function's source is generated", run.Output);
    }

    private Task<Run> RunAsync(params string[] args) => RunAsync(args, input: "");

    /// <summary>Runs the app's Main with the arguments, as <c>dotnet run -- ARGS</c> would, from the app's folder.</summary>
    private async Task<Run> RunAsync(string[] args, string input)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] withProject = args.Length > 1 && args[1] != "--help" ? [.. args, "--project-dir", _app.FullName] : args;
        var exitCode = await LocalInvocation.RunAsync(Definition<App>(), withProject[1..], output, error, new StringReader(input), TestContext.Current.CancellationToken);
        return new Run(exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static ChaliceAppDefinition Definition<TApp>() where TApp : IChaliceApp => TApp.Definition;

    private sealed record Run(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.TrimEnd('\n').Split('\n').Where(l => !l.Contains("\tinfo\t", StringComparison.Ordinal) && !l.Contains(" info:", StringComparison.Ordinal)).ToArray();
    }
}
