using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chalice.Local.S3;

/// <summary>Settings for a local S3 stand-in.</summary>
public sealed class S3StandInOptions
{
    /// <summary>
    /// The folder that holds the buckets and objects, created when missing. The emulator passes
    /// <c>.chalice/local/s3</c> under the app folder, so data survives between runs.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// When true (the emulator's setting), a request naming a bucket that does not exist creates it first, so an app
    /// written against a bucket provisioned elsewhere works offline without setup. Turn it off to observe S3's
    /// <c>NoSuchBucket</c> errors.
    /// </summary>
    public bool AutoCreateBuckets { get; init; } = true;

    /// <summary>The loopback port <see cref="S3StandIn.StartAsync"/> listens on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Receives one line per request and the details of unexpected failures.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
