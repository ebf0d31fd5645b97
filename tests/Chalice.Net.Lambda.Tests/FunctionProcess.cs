using Chalice.Local.Lambda;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chalice.Lambda.Tests;

/// <summary>A packaged function running as its own process against a <see cref="LocalRuntimeApi"/>.</summary>
public sealed class FunctionProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private FunctionProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the function wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the function in <paramref name="folder"/> the way Lambda does: <c>./bootstrap</c> for provided.al2023, or
    /// <c>dotnet App.dll</c> for the managed runtime's executable-assembly mode.
    /// </summary>
    /// <param name="emulator">A command that runs a foreign-architecture bootstrap (e.g. qemu), with its arguments.</param>
    public static FunctionProcess Start(
        string folder, string handler, string runtimeApi, IDictionary<string, string>? environment = null, string[]? emulator = null)
    {
        var start = handler == "bootstrap"
            ? emulator is null ? new ProcessStartInfo(Path.Combine(folder, "bootstrap")) : new ProcessStartInfo(emulator[0], [.. emulator[1..], Path.Combine(folder, "bootstrap")])
            : new ProcessStartInfo("dotnet", Path.Combine(folder, handler + ".dll"));
        start.WorkingDirectory = folder;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "testapp-dev";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        start.Environment["_HANDLER"] = handler;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return new FunctionProcess(Process.Start(start)!);
    }

    /// <summary>
    /// Waits (up to 10 s) until the function has written <paramref name="count"/> lines that match, and returns them;
    /// what a process writes reaches us asynchronously, after the Runtime API has its response.
    /// </summary>
    public async Task<string[]> WaitForOutputAsync(Func<string, bool> match, int count = 1)
    {
        var stopwatch = Stopwatch.StartNew();
        string[] lines;
        while ((lines = [.. Output.Where(match)]).Length < count && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        // A moment longer, so that a line too many is seen rather than missed.
        await Task.Delay(100);
        return [.. Output.Where(match)];
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
