using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Chalice.Project;

/// <summary>A <c>dotnet</c> command that failed, or could not start; the message carries the errors it printed.</summary>
public sealed class DotNetCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, for the user.</param>
    /// <param name="errors">The command's <c>error</c> lines, in the compiler's format; empty when it did not start.</param>
    public DotNetCommandException(string message, IReadOnlyList<string>? errors = null) : base(message) => Errors = errors ?? [];

    /// <summary>The distinct <c>: error </c> lines the command printed (MSBuild and compiler diagnostics).</summary>
    public IReadOnlyList<string> Errors { get; }
}

/// <summary>
/// Runs the .NET SDK's <c>dotnet</c> command: the one place that starts it, for builds, MSBuild evaluations and
/// <c>dotnet run</c>. It is the SDK that launched us when there is one (<c>DOTNET_HOST_PATH</c>, set by the SDK for its
/// child processes), else <c>dotnet</c> from <c>PATH</c>.
/// </summary>
public static class DotNetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; returns its standard output.</summary>
    /// <exception cref="DotNetCommandException">The command could not start, or exited with a non-zero code.</exception>
    public static async Task<string> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken = default)
    {
        using var process = Start(arguments, workingDirectory, redirect: true);
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (errors)
                    errors.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var text = output.ToString() + errors;
            var problems = Diagnostics(text, ": error ").ToArray();
            var summary = problems.Length > 0
                ? string.Join(Environment.NewLine, problems.Take(20))
                : string.Join(Environment.NewLine, text.Split('\n').TakeLast(15));
            throw new DotNetCommandException(
                $"'dotnet {string.Join(' ', arguments)}' failed (exit code {process.ExitCode}):{Environment.NewLine}{summary}", problems);
        }
        return output.ToString();
    }

    /// <summary>
    /// Runs <c>dotnet</c> with the console attached (the command prints its own output) until it exits, or stops it
    /// on cancellation (Ctrl+C); returns its exit code, 0 when cancelled.
    /// </summary>
    /// <exception cref="DotNetCommandException">The command could not start.</exception>
    public static async Task<int> RunAttachedAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        using var process = Start(arguments, workingDirectory, redirect: false);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return 0;
        }
    }

    /// <summary>The distinct warnings in a build's output.</summary>
    public static IReadOnlyList<string> Warnings(string output) => Diagnostics(output, ": warning ").ToArray();

    private static Process Start(IReadOnlyList<string> arguments, string workingDirectory, bool redirect)
    {
        var start = new ProcessStartInfo(Host())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            return Process.Start(start) ?? throw new DotNetCommandException("Could not start 'dotnet'; is the .NET SDK installed?");
        }
        catch (Win32Exception e)
        {
            throw new DotNetCommandException($"Could not start 'dotnet' ({e.Message}); is the .NET SDK installed and on PATH?");
        }
    }

    private static string Host() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static IEnumerable<string> Diagnostics(string output, string marker) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(marker, StringComparison.Ordinal)).Distinct();
}
