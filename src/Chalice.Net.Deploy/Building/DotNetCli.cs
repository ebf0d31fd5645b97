using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Chalice.Deploy.Building;

/// <summary>A <c>dotnet</c> command that failed; the message carries the errors it printed.</summary>
public sealed class DotNetCommandException(string message) : Exception(message);

/// <summary>Runs the .NET SDK's <c>dotnet</c> command and collects what it prints.</summary>
public static class DotNetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; returns its standard output.</summary>
    /// <exception cref="DotNetCommandException">The command exited with a non-zero code.</exception>
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
            var problems = Diagnostics(text, ": error ").Take(20).ToArray();
            var summary = problems.Length > 0 ? string.Join(Environment.NewLine, problems) : string.Join(Environment.NewLine, text.Split('\n').TakeLast(15));
            throw new DotNetCommandException($"'dotnet {string.Join(' ', arguments)}' failed (exit code {process.ExitCode}):{Environment.NewLine}{summary}");
        }
        return output.ToString();
    }

    /// <summary>
    /// Runs <c>dotnet</c> with the console attached (the command prints its own output) until it exits, or stops it
    /// on cancellation (Ctrl+C); returns its exit code, 0 when cancelled.
    /// </summary>
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

    private static Process Start(IReadOnlyList<string> arguments, string workingDirectory, bool redirect)
    {
        var start = new ProcessStartInfo("dotnet")
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

    /// <summary>The distinct warnings in a build's output.</summary>
    public static IReadOnlyList<string> Warnings(string output) => Diagnostics(output, ": warning ").ToArray();

    private static IEnumerable<string> Diagnostics(string output, string marker) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(marker, StringComparison.Ordinal)).Distinct();
}
