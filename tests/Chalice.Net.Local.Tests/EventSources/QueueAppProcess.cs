using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// tests/TestApps/QueueApp run as <c>dotnet run</c> runs it: its own process (<c>dotnet QueueApp.dll</c>, built beside
/// these tests) serving from an app folder whose <c>.chalice/local</c> holds the stand-ins' data, stopped as Ctrl+C
/// or a service manager stops it (SIGTERM, a graceful stop).
/// </summary>
internal sealed partial class QueueAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<Uri> _sqsEndpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;

    private QueueAppProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadOutputAsync);
    }

    public int Id => _process.Id;

    /// <summary>The SQS stand-in's endpoint, as the start-up banner names it.</summary>
    public Task<Uri> SqsEndpoint => _sqsEndpoint.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

    /// <summary>Starts the app in <paramref name="appFolder"/>, journaling to <paramref name="journal"/>.</summary>
    public static QueueAppProcess Start(string appFolder, string journal)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QueueApp.dll"));
        foreach (var arg in new[] { "--port", "0", "--project-dir", appFolder })
            start.ArgumentList.Add(arg);
        // Real AWS is never asked for here; the stand-ins need no credentials.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToArray())
            start.Environment.Remove(name);
        start.Environment["QUEUEAPP_JOURNAL"] = journal;
        // Slow enough (5 pollers of 10 messages, 1,000 messages in about 4 s) for the restart to land mid-run.
        start.Environment["QUEUEAPP_WORK_MS"] = "20";
        return new QueueAppProcess(Process.Start(start)!);
    }

    /// <summary>Sends SIGTERM and waits for the emulator to stop by itself; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await _reading;
        return _process.ExitCode;
    }

    /// <summary>Everything the process wrote, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output);
        }
    }

    private async Task ReadOutputAsync()
    {
        var error = _process.StandardError.ReadToEndAsync();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_output)
                _output.Add(line);
            if (SqsEndpointPattern().Match(line) is { Success: true } match)
                _sqsEndpoint.TrySetResult(new Uri(match.Groups[1].Value));
        }
        var errors = await error;
        lock (_output)
            _output.Add(errors);
        _sqsEndpoint.TrySetException(new InvalidOperationException("the emulator ended before naming its SQS endpoint: " + Output));
    }

    [GeneratedRegex(@"\bSQS (http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex SqsEndpointPattern();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await _reading;
        _process.Dispose();
    }
}
