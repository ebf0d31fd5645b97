using System.Diagnostics;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// <c>chalice-net invoke NAME</c> as a user runs it, on tests/TestApps/EventsApp: the tool builds the app and runs the
/// function in the app's own process; standard output carries only the result, and a mistake is one line with exit
/// code 1. (The tests run one after another: each builds the same app.)
/// </summary>
public sealed class InvokeCommandTests
{
    private static readonly string s_app = RepoPaths.InRepo("tests", "TestApps", "EventsApp");

    [Fact]
    public async Task An_event_from_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{"a": 40, "b": 2}""", TestContext.Current.CancellationToken);

            var run = await RunAsync(["invoke", "add", "--event", file, "--aws", "--project-dir", s_app]);

            Assert.Equal((0, """{"total":42,"expression":"40 + 2"}"""), (run.ExitCode, run.Output.TrimEnd('\n')));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_event_from_standard_input()
    {
        var run = await RunAsync(["invoke", "ProcessOrders", "--event", "-", "--aws", "--project-dir", s_app],
            """{"Records": [{"messageId": "m-1", "receiptHandle": "r", "body": "please fail"}, {"messageId": "m-2", "receiptHandle": "r", "body": "fine"}]}""");

        Assert.Equal((0, """{"batchItemFailures":[{"itemIdentifier":"m-1"}]}"""), (run.ExitCode, run.Output.TrimEnd('\n')));
    }

    [Fact]
    public async Task Without_an_event_a_sample_for_the_functions_source()
    {
        var run = await RunAsync(["invoke", "Resize", "--stage", "qa", "--aws", "--project-dir", s_app]);

        Assert.Equal((0, "null"), (run.ExitCode, run.Output.TrimEnd('\n')));
        Assert.Contains("Resize saw ObjectCreated:Put uploads/photos/sample.jpg in eventsapp-qa-Resize", run.Error);
    }

    [Fact]
    public async Task An_unknown_name_is_one_line_and_exit_code_1()
    {
        var run = await RunAsync(["invoke", "resize", "--aws", "--project-dir", s_app]);

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal(
            ["error: 'resize' names no function of the app 'eventsapp'; its functions are api_handler, every_five_minutes, Nightly, Resize, " +
             "ProcessOrders, alert, InstanceStopped, Clicks, OrderChanges, add, Describe, settings, Explode."],
            run.ErrorLines);
    }

    [Fact]
    public async Task Malformed_json_is_one_line_and_exit_code_1()
    {
        var run = await RunAsync(["invoke", "add", "--event", "-", "--aws", "--project-dir", s_app], """{"a": 1, """);

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: The payload is not JSON, which Lambda refuses (could not parse request body into json):", line);
    }

    [Fact]
    public async Task Help_says_what_it_does()
    {
        var run = await CliRun.RunAsync("invoke", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Run one function of the app locally, in the app's own process", run.Output);
        Assert.Contains("a realistic sample event for the function's source is generated", run.Output);
        Assert.Contains("--event <FILE|->", run.Output);
        Assert.Contains("--stage <NAME>", run.Output);
        Assert.Contains("--aws", run.Output);
        Assert.Contains("<NAME>", run.Output);
    }

    /// <summary>Runs the installed tool's executable, as a shell would, with <paramref name="input"/> on its standard input.</summary>
    private static async Task<(int ExitCode, string Output, string Error, string[] ErrorLines)> RunAsync(string[] args, string input = "")
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Chalice.Net.Cli.exe" : "Chalice.Net.Cli"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var errorText = (await error).ReplaceLineEndings("\n");
        // The app's own log lines (Lambda's format, or the emulator's) are not the command's lines.
        var lines = errorText.TrimEnd('\n').Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("warning:", StringComparison.Ordinal)).ToArray();
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), errorText, lines);
    }
}
