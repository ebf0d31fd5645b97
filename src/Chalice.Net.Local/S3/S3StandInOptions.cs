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
    /// The buckets that exist on AWS for the app (provisioned elsewhere, not by its code); the stand-in creates each at
    /// start unless it is there already. Any other bucket exists only once the app creates it with <c>CreateBucket</c>,
    /// and until then the app gets S3's <c>NoSuchBucket</c>, as it would on AWS; the stand-in logs a warning saying how
    /// to declare the bucket. The emulator passes <see cref="LocalS3Buckets.Of"/>.
    /// </summary>
    public IReadOnlyCollection<string> KnownBuckets { get; init; } = [];

    /// <summary>The loopback port <see cref="S3StandIn.StartAsync"/> listens on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Hears of every object created or removed (the emulator's S3 notifications); none by default.</summary>
    internal IS3ChangeListener? ChangeListener { get; init; }

    /// <summary>Receives one line per request and the details of unexpected failures.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
