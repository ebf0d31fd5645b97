using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// <c>chalice-net logs</c> against moto: the events are written with the AWS CLI (<c>aws logs put-log-events</c>), as
/// Lambda would write them, into the group of a function recorded in an app's state file. Each test uses a stage (and
/// so a log group) of its own.
/// </summary>
public sealed class LogsCommandTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private const string Stream = "2024/05/01/[$LATEST]a1b2c3d4e5f60718";
    private const string OtherStream = "2024/05/01/[$LATEST]ffeedd0011223344";

    private readonly string _app = CreateApp();

    static LogsCommandTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    [Fact]
    public async Task Events_are_printed_once_each_oldest_first_as_chalice_prints_them()
    {
        moto.EnsureAvailable();
        var start = RecentSecond();
        await WriteAsync("print", Stream,
            (start, "START RequestId: 8f5e Version: $LATEST"),
            (start.AddMilliseconds(250), "logsapp - INFO - saved order 42\n"),
            (start.AddMilliseconds(900), "END RequestId: 8f5e"),
            (start.AddSeconds(1), "REPORT RequestId: 8f5e\tDuration: 1.52 ms\tBilled Duration: 2 ms"));
        await WriteAsync("print", OtherStream, (start.AddMilliseconds(500), "logsapp - ERROR - payment declined"));

        var run = (await RunAsync("logs", "--stage", "print")).Succeeded();
        var withLambdas = (await RunAsync("logs", "--stage", "print", "--include-lambda-messages")).Succeeded();

        Assert.Equal(
            [$"{Time(start, 250)} a1b2c3 logsapp - INFO - saved order 42", $"{Time(start, 500)} ffeedd logsapp - ERROR - payment declined"],
            Lines(run.Output));
        Assert.Equal(
            [
                $"{Time(start, 0)} a1b2c3 START RequestId: 8f5e Version: $LATEST", $"{Time(start, 250)} a1b2c3 logsapp - INFO - saved order 42",
                $"{Time(start, 500)} ffeedd logsapp - ERROR - payment declined", $"{Time(start, 900)} a1b2c3 END RequestId: 8f5e",
                $"{Time(start, 1000)} a1b2c3 REPORT RequestId: 8f5e\tDuration: 1.52 ms\tBilled Duration: 2 ms",
            ],
            Lines(withLambdas.Output));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Since_filters_by_a_time_or_a_time_back_from_now()
    {
        moto.EnsureAvailable();
        var now = DateTimeOffset.UtcNow;
        await WriteAsync("since", Stream, (now.AddMinutes(-50), "fifty minutes ago"), (now.AddMinutes(-20), "twenty minutes ago"), (now.AddMinutes(-1), "a minute ago"));
        var isoTime = now.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var byIso = (await RunAsync("logs", "--stage", "since", "--since", isoTime)).Succeeded();
        var byRelative = (await RunAsync("logs", "--stage", "since", "-s", "10m")).Succeeded();
        var everything = (await RunAsync("logs", "--stage", "since")).Succeeded();

        Assert.Equal(["twenty minutes ago", "a minute ago"], Messages(byIso.Output));
        Assert.Equal(["a minute ago"], Messages(byRelative.Output));
        Assert.Equal(["fifty minutes ago", "twenty minutes ago", "a minute ago"], Messages(everything.Output));
    }

    [Fact]
    public async Task Follow_prints_a_new_event_written_while_it_runs_once_and_ctrl_c_ends_it_with_0()
    {
        moto.EnsureAvailable();
        var now = DateTimeOffset.UtcNow;
        // Older than --follow's default ten minutes: not shown.
        await WriteAsync("follow", Stream, (now.AddMinutes(-30), "too old for --follow"), (now.AddSeconds(-30), "before"));
        var output = new SynchronizedStringWriter();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = ChaliceCli.RunAsync(Arguments("logs", "--stage", "follow", "--follow"),
            new InvocationConfiguration { Output = output, Error = new SynchronizedStringWriter() }, ctrlC.Token);

        await UntilAsync(() => output.ToString().Contains("before", StringComparison.Ordinal), running);
        await WriteAsync("follow", OtherStream, (DateTimeOffset.UtcNow, "written while following"));
        await UntilAsync(() => output.ToString().Contains("written while following", StringComparison.Ordinal), running);
        // A few more polls, which read the same events again from the newest one's time.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await ctrlC.CancelAsync();
        var exitCode = await running;

        Assert.Equal(0, exitCode);
        Assert.Equal(["before", "written while following"], Messages(output.ToString()));
    }

    [Fact]
    public async Task Follow_ends_with_0_when_the_process_gets_ctrl_c()
    {
        moto.EnsureAvailable();
        await WriteAsync("sigint", Stream, (DateTimeOffset.UtcNow.AddSeconds(-5), "ready"));
        // A process started from a background job inherits SIGINT ignored, and .NET leaves an ignored SIGINT ignored; a
        // user's terminal does not. python3 (there for moto) restores the default before it becomes the CLI (same pid).
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                     "dotnet", Path.Combine(AppContext.BaseDirectory, "Chalice.Net.Cli.dll"), .. Arguments("logs", "--stage", "sigint", "--follow")])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new SynchronizedStringWriter();
        process.OutputDataReceived += (_, line) => output.WriteLine(line.Data);
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        try
        {
            await UntilAsync(() => output.ToString().Contains("ready", StringComparison.Ordinal), process.WaitForExitAsync(TestContext.Current.CancellationToken));
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await error}");
    }

    [Fact]
    public async Task A_function_that_never_ran_has_no_logs_yet_said_in_one_line()
    {
        moto.EnsureAvailable();

        var run = await RunAsync("logs", "--stage", "never");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal("No logs yet: /aws/lambda/logsapp-never does not exist in us-east-1 (the function 'logsapp-never' has not run).", run.Error.Trim());
    }

    [Fact]
    public async Task The_name_picks_another_function_of_the_app_and_an_unknown_one_is_named()
    {
        moto.EnsureAvailable();
        await WriteAsync("named", Stream, (DateTimeOffset.UtcNow.AddMinutes(-1), "from the api"));
        await WriteAsync("named", Stream, (DateTimeOffset.UtcNow.AddMinutes(-1), "from the worker"), function: "logsapp-named-worker");

        var worker = (await RunAsync("logs", "--stage", "named", "--name", "worker")).Succeeded();
        var unknown = await RunAsync("logs", "--stage", "named", "-n", "wroker");

        Assert.Equal(["from the worker"], Messages(worker.Output));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("error: Stage 'named' has no deployed function named 'wroker'; it has: api_handler, worker.", unknown.Error.Trim());
    }

    [Fact]
    public async Task Mistakes_are_one_line_each()
    {
        var since = await RunAsync("logs", "--stage", "print", "--since", "yesterday");
        var undeployed = await CliRun.RunAsync("logs", "--project-dir", _app, "--stage", "prod");

        Assert.Equal(2, since.ExitCode);
        Assert.StartsWith("error: --since must be a number and a unit (30s, 10m, 1h, 2d, 1w) or an ISO-8601 time, not 'yesterday'.", since.Error, StringComparison.Ordinal);
        Assert.Equal(1, undeployed.ExitCode);
        Assert.Equal("error: Nothing of stage 'prod' is deployed; run 'chalice-net deploy --stage prod' first.", undeployed.Error.Trim());
    }

    [Fact]
    public async Task Help_says_what_the_command_prints_and_how_following_ends()
    {
        var help = (await CliRun.RunAsync("logs", "--help")).Succeeded().Output;

        foreach (var expected in (string[])["--name", "--stage", "--since", "--follow", "--include-lambda-messages", "/aws/lambda/<function>",
                     "30s, 10m, 1h, 2d, 1w", "ISO-8601", "Ctrl+C", "exit code 0", "START, END, REPORT, INIT_START", "never ran", "each once"])
            Assert.Contains(expected, help, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);

    /// <summary>An app folder whose state files record, per stage, the API function and a worker function.</summary>
    private static string CreateApp()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-logs-").FullName;
        File.WriteAllText(Path.Combine(folder, "logsapp.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Directory.CreateDirectory(Path.Combine(folder, ".chalice", "deployed"));
        // Every stage the tests name is defined, as in a real app (an undefined one earns a warning first).
        File.WriteAllText(Path.Combine(folder, ".chalice", "config.json"), """
            { "app_name": "logsapp", "stages": { "print": {}, "since": {}, "follow": {}, "sigint": {}, "never": {}, "named": {}, "prod": {} } }
            """);
        foreach (var stage in new[] { "print", "since", "follow", "sigint", "never", "named" })
        {
            var state = new JsonObject
            {
                ["schema_version"] = "2.0", ["backend"] = "api", ["app_name"] = "logsapp", ["stage"] = stage, ["region"] = MotoServer.Region,
                ["resources"] = new JsonArray(Function("api_handler", $"logsapp-{stage}"), Function("worker", $"logsapp-{stage}-worker")),
            };
            File.WriteAllText(Path.Combine(folder, ".chalice", "deployed", stage + ".json"), state.ToJsonString());
        }
        return folder;

        static JsonObject Function(string name, string functionName) => new()
        {
            ["resource_type"] = "lambda_function", ["name"] = name, ["function_name"] = functionName,
            ["lambda_arn"] = $"arn:aws:lambda:{MotoServer.Region}:{MotoServer.AccountId}:function:{functionName}",
        };
    }

    private string[] Arguments(params string[] command) =>
        [.. command, "--project-dir", _app, "--endpoint-url", moto.Endpoint.ToString()];

    private Task<CliRun> RunAsync(params string[] command) => CliRun.RunAsync(Arguments(command));

    /// <summary>Writes events as Lambda would, into the function's group (made on first use) and the given stream.</summary>
    private async Task WriteAsync(string stage, string stream, params (DateTimeOffset Time, string Message)[] events) =>
        await WriteAsync(stage, stream, events, function: null);

    private async Task WriteAsync(string stage, string stream, (DateTimeOffset Time, string Message) logEvent, string function) =>
        await WriteAsync(stage, stream, [logEvent], function);

    private async Task WriteAsync(string stage, string stream, (DateTimeOffset Time, string Message)[] events, string? function)
    {
        var group = $"/aws/lambda/{function ?? $"logsapp-{stage}"}";
        if (!(await AwsAsync(false, "logs", "describe-log-groups", "--log-group-name-prefix", group)).Contains($"\"{group}\"", StringComparison.Ordinal))
            await AwsAsync(true, "logs", "create-log-group", "--log-group-name", group);
        await AwsAsync(false, "logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", stream);
        var batch = new JsonArray([.. events.Select(e => new JsonObject { ["timestamp"] = e.Time.ToUnixTimeMilliseconds(), ["message"] = e.Message })]);
        await AwsAsync(true, "logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream, "--log-events", batch.ToJsonString());
    }

    private async Task<string> AwsAsync(bool mustSucceed, params string[] arguments)
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("aws",
            ["--endpoint-url", moto.Endpoint.ToString(), "--region", MotoServer.Region, "--output", "json", .. arguments],
            environment: new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_CONFIG_FILE"] = "/dev/null", ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            },
            installHint: "pip install awscli");
        Assert.True(!mustSucceed || exitCode == 0, $"aws {string.Join(' ', arguments)}: {error}");
        return output;
    }

    private static async Task UntilAsync(Func<bool> condition, Task running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.False(running.IsCompleted, "the command ended before it printed what was expected");
            Assert.True(DateTime.UtcNow < deadline, "nothing was printed within 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    // A whole second a few minutes back: recent enough for CloudWatch Logs (and moto) to accept events at it.
    private static DateTimeOffset RecentSecond() =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

    private static string Time(DateTimeOffset second, int milliseconds) =>
        second.AddMilliseconds(milliseconds).UtcDateTime.ToString(milliseconds % 1000 == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // The message of each line: after the date, the time and the stream id.
    private static string[] Messages(string output) => [.. Lines(output).Select(l => l.Split(' ', 4)[3])];

    /// <summary>A string writer the command writes to while the test reads it.</summary>
    private sealed class SynchronizedStringWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value)
        {
            lock (_lock)
                base.Write(value);
        }

        public override void Write(string? value)
        {
            lock (_lock)
                base.Write(value);
        }

        public override void WriteLine(string? value)
        {
            lock (_lock)
                base.WriteLine(value);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (_lock)
                return base.ToString();
        }
    }
}
