using System.Globalization;
using System.Text;
using Chalice.Configuration;

namespace Chalice.Project.Emulator;

/// <summary>What a command line asked the emulator for; anything not given has its default.</summary>
public sealed record EmulatorArguments
{
    /// <summary>The interface to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8000;

    /// <summary>The Chalice stage.</summary>
    public string Stage { get; init; } = ChaliceConfig.DefaultStage;

    /// <summary>The API type and payload format; null serves the stage's <c>api_gateway_type</c>.</summary>
    public ApiKind? Api { get; init; }

    /// <summary>The integration timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(29);

    /// <summary>Use real AWS services instead of the local stand-ins.</summary>
    public bool UseRealAws { get; init; }

    /// <summary>The app's folder or project file; null to find it.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Whether the app's schedules fire on the local clock (on unless <c>--no-schedules</c>).</summary>
    public bool RunSchedules { get; init; } = true;

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool ShowHelp { get; init; }
}

/// <summary>
/// The emulator's command line, defined once: the app's generated <c>Main</c> parses it (<c>dotnet run -- [options]</c>)
/// and <c>chalice-net local</c> offers the same options, with the same help and checks, and passes them on. The emulator
/// parses by hand rather than with System.CommandLine because its start-up time is part of every local run.
/// </summary>
public static class EmulatorCommandLine
{
    /// <summary><c>--host</c>.</summary>
    public static EmulatorOption Host { get; } = new("--host", "ADDRESS", "The interface to listen on: an IP address or localhost (default 127.0.0.1).");

    /// <summary><c>--port</c>.</summary>
    public static EmulatorOption Port { get; } = new("--port", "PORT", "The port to listen on (default 8000; 0 picks a free one).",
        value => TryPort(value, out _) ? null : $"--port must be a number from 0 to 65535, not '{value}'.");

    /// <summary><c>--stage</c>.</summary>
    public static EmulatorOption Stage { get; } = new("--stage", "NAME", "The stage whose .chalice/config.json settings apply (default dev).");

    /// <summary><c>--api</c>.</summary>
    public static EmulatorOption Api { get; } = new("--api", string.Join('|', ApiKinds.Names),
        "Serve as a REST API (payload 1.0), an HTTP API with payload 2.0 (http), or with payload 1.0 (http-v1); " +
        "default: the stage's \"api_gateway_type\", else rest.",
        value => ApiKinds.TryParse(value, out _) ? null : $"--api must be rest, http or http-v1, not '{value}'.");

    /// <summary><c>--timeout</c>.</summary>
    public static EmulatorOption Timeout { get; } = new("--timeout", "SECONDS", "The integration timeout: API Gateway's 504 after it (default 29).",
        value => TryTimeout(value, out _) ? null : $"--timeout must be a number of seconds above 0, at most 900, not '{value}'.");

    /// <summary><c>--aws</c>.</summary>
    public static EmulatorOption Aws { get; } = new("--aws", null, "Use real AWS with your credentials instead of the local stand-ins (S3, SQS, SNS).");

    /// <summary><c>--project-dir</c>.</summary>
    public static EmulatorOption ProjectDirectory { get; } = new("--project-dir", "PATH",
        "The app's folder or .csproj (default: the current folder if it holds .chalice/config.json, else found from the app's build output).");

    /// <summary><c>--no-schedules</c>.</summary>
    public static EmulatorOption NoSchedules { get; } = new("--no-schedules", null,
        "Do not fire the app's schedules (by default each fires on the local clock, in UTC, as EventBridge would).");

    /// <summary>Every option, in help order.</summary>
    public static IReadOnlyList<EmulatorOption> All { get; } = [Host, Port, Stage, Api, Timeout, Aws, NoSchedules, ProjectDirectory];

    /// <summary>The help the emulator prints for <c>--help</c> and after a bad argument.</summary>
    public static string Usage
    {
        get
        {
            return new StringBuilder()
                .AppendLine("Serves the app locally as API Gateway would (dotnet run -- [options], or chalice-net local [options]).")
                .AppendLine("dotnet run -- invoke NAME [options] runs one function of the app instead (invoke --help).")
                .AppendLine()
                .AppendArgumentsAndOptions(All)
                .ToString().TrimEnd();
        }
    }

    /// <summary>Parses command-line arguments.</summary>
    /// <exception cref="ArgumentException">An argument is unknown or has an invalid value; the message says which.</exception>
    public static EmulatorArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new EmulatorArguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (OptionGrammar.IsHelp(args[i]))
            {
                parsed = parsed with { ShowHelp = true };
                continue;
            }
            var (option, value) = OptionGrammar.ReadOption(args, ref i, All);
            parsed = option.Name switch
            {
                "--host" => parsed with { Host = value },
                "--port" => parsed with { Port = TryPort(value, out var port) ? port : 0 },
                "--stage" => parsed with { Stage = value },
                "--api" => parsed with { Api = ApiKinds.TryParse(value, out var api) ? api : null },
                "--timeout" => parsed with { Timeout = TryTimeout(value, out var timeout) ? timeout : default },
                "--aws" => parsed with { UseRealAws = true },
                "--no-schedules" => parsed with { RunSchedules = false },
                _ => parsed with { ProjectDirectory = value },
            };
        }
        return parsed;
    }

    private static bool TryPort(string value, out int port) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    // Lambda's longest timeout, 900 s, bounds any integration the emulator could be asked to wait for.
    private static bool TryTimeout(string value, out TimeSpan timeout)
    {
        var valid = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 900;
        timeout = valid ? TimeSpan.FromSeconds(seconds) : default;
        return valid;
    }
}
