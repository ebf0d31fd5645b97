using Chalice.Configuration;
using Chalice.Gateway;
using Chalice.Project.Emulator;

namespace Chalice.Local;

/// <summary>
/// How the local emulator serves an app; parsed from <c>dotnet run -- [options]</c> by
/// <see cref="EmulatorCommandLine"/>, the command line <c>chalice-net local</c> shares.
/// </summary>
public sealed record EmulatorOptions
{
    /// <summary>The usage text printed by <c>--help</c> and after a bad argument.</summary>
    public static string Usage => EmulatorCommandLine.Usage;

    /// <summary>The interface to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8000;

    /// <summary>The Chalice stage.</summary>
    public string Stage { get; init; } = "dev";

    /// <summary>
    /// The API type and payload format; null (the default) serves what the stage deploys, its
    /// <c>"api_gateway_type"</c> in <c>.chalice/config.json</c>.
    /// </summary>
    public ApiGatewayType? ApiType { get; init; }

    /// <summary>The integration timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(29);

    /// <summary>Use real AWS services instead of local stand-ins.</summary>
    public bool UseRealAws { get; init; }

    /// <summary>The app's folder (holding <c>.chalice/</c>) or project file; null to find it.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Whether the app's schedules fire on the local clock; <c>--no-schedules</c> turns them off.</summary>
    public bool RunSchedules { get; init; } = true;

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Parses command-line arguments.</summary>
    /// <exception cref="ArgumentException">An argument is unknown or has an invalid value; the message says which.</exception>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = EmulatorCommandLine.Parse(args);
        return new EmulatorOptions
        {
            Host = parsed.Host,
            Port = parsed.Port,
            Stage = parsed.Stage,
            ApiType = parsed.Api is { } api ? GatewayTypeOf(api) : null,
            Timeout = parsed.Timeout,
            UseRealAws = parsed.UseRealAws,
            ProjectDirectory = parsed.ProjectDirectory,
            RunSchedules = parsed.RunSchedules,
            ShowHelp = parsed.ShowHelp,
        };
    }

    /// <summary>The gateway the emulator simulates for a kind of API a stage deploys.</summary>
    internal static ApiGatewayType GatewayTypeOf(ApiKind kind) => kind switch
    {
        ApiKind.Http => ApiGatewayType.HttpPayloadV2,
        ApiKind.HttpV1 => ApiGatewayType.HttpPayloadV1,
        _ => ApiGatewayType.Rest,
    };
}
