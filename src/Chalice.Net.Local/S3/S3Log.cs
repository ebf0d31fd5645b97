using Microsoft.Extensions.Logging;

namespace Chalice.Local.S3;

/// <summary>The stand-in's log messages.</summary>
internal static partial class S3Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "S3 {Method} {Target} -> {StatusCode} {Operation}")]
    public static partial void Request(ILogger logger, string method, string target, int statusCode, string operation);

    [LoggerMessage(Level = LogLevel.Error, Message = "S3 {Method} {Target} failed unexpectedly")]
    public static partial void Failure(ILogger logger, Exception exception, string method, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local S3 stand-in listening on {Endpoint}, data in {DataDirectory}")]
    public static partial void Started(ILogger logger, Uri endpoint, string dataDirectory);
}
