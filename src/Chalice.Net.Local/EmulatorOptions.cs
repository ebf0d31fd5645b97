using System.Globalization;
using Chalice.Gateway;

namespace Chalice.Local;

/// <summary>How the local emulator serves an app; parsed from <c>dotnet run -- [options]</c>.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The usage text printed by <c>--help</c> and after a bad argument.</summary>
    public const string Usage = """
        Serves the app locally as API Gateway would (dotnet run -- [options]).

        Options:
          --host <address>          Interface to listen on (default 127.0.0.1)
          --port <number>           Port to listen on (default 8000; 0 picks a free port)
          --stage <name>            Chalice stage whose .chalice/config.json settings apply (default dev)
          --api <rest|http|http-v1> REST API (payload 1.0, the default), HTTP API with payload 2.0, or 1.0
          --timeout <seconds>       Integration timeout (default 29)
          --aws                     Use real AWS instead of the local stand-ins (S3, SQS, SNS)
          --project-dir <path>      The app folder holding .chalice/ (default: found from the app's location)
          -h, --help                Show this help
        """;

    /// <summary>The interface to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8000;

    /// <summary>The Chalice stage.</summary>
    public string Stage { get; init; } = "dev";

    /// <summary>The API type and payload format.</summary>
    public ApiGatewayType ApiType { get; init; } = ApiGatewayType.Rest;

    /// <summary>The integration timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(29);

    /// <summary>Use real AWS services instead of local stand-ins.</summary>
    public bool UseRealAws { get; init; }

    /// <summary>The app folder holding <c>.chalice/</c>; null to find it.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Parses command-line arguments.</summary>
    /// <exception cref="ArgumentException">An argument is unknown or has an invalid value; the message says which.</exception>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{arg} needs a value.");
            options = arg switch
            {
                "-h" or "--help" or "-?" => options with { ShowHelp = true },
                "--host" => options with { Host = Value() },
                "--port" => options with { Port = ParsePort(Value()) },
                "--stage" => options with { Stage = Value() },
                "--api" => options with { ApiType = ParseApi(Value()) },
                "--timeout" => options with { Timeout = ParseTimeout(Value()) },
                "--aws" => options with { UseRealAws = true },
                "--project-dir" => options with { ProjectDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option '{arg}'."),
            };
        }
        return options;
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"--port must be a number from 0 to 65535, not '{value}'.");

    private static ApiGatewayType ParseApi(string value) => value.ToLowerInvariant() switch
    {
        "rest" => ApiGatewayType.Rest,
        "http" => ApiGatewayType.HttpPayloadV2,
        "http-v1" => ApiGatewayType.HttpPayloadV1,
        _ => throw new ArgumentException($"--api must be rest, http or http-v1, not '{value}'."),
    };

    private static TimeSpan ParseTimeout(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 900
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--timeout must be a number of seconds from 0 to 900, not '{value}'.");
}
