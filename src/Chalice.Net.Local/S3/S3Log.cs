using Microsoft.Extensions.Logging;

namespace Chalice.Local.S3;

/// <summary>The stand-in's log messages.</summary>
internal static partial class S3Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "S3 {Method} {Target} -> {StatusCode} {Operation}")]
    public static partial void Request(ILogger logger, string method, string target, int statusCode, string operation);

    [LoggerMessage(Level = LogLevel.Error, Message = "S3 {Method} {Target} failed unexpectedly")]
    public static partial void Failure(ILogger logger, Exception exception, string method, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "S3 bucket '{Bucket}' does not exist locally, so the app gets NoSuchBucket, as it would on AWS. If the bucket " +
        "exists on AWS, declare it in .chalice/config.json: \"local_s3_buckets\": [\"{Bucket}\"] (top level or per stage).")]
    public static partial void MissingBucket(ILogger logger, string bucket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local S3 stand-in listening on {Endpoint}, data in {DataDirectory}")]
    public static partial void Started(ILogger logger, Uri endpoint, string dataDirectory);
}
