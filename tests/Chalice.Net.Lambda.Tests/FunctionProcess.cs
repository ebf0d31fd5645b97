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
