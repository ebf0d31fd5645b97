using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chalice.Local.Sqs;

/// <summary>Settings for a local SQS stand-in.</summary>
public sealed class SqsStandInOptions
{
    /// <summary>
    /// The folder that holds the queues and their messages, created when missing. The emulator passes
    /// <c>.chalice/local/sqs</c> under the app folder, so queues and messages survive between runs.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The queues that exist on AWS for the app (provisioned elsewhere, not by its code); the stand-in creates each at
    /// start unless it is there already (a name ending in <c>.fifo</c> makes a FIFO queue). Any other queue exists only
    /// once the app creates it, and until then the app gets <c>QueueDoesNotExist</c>, as on AWS. The emulator passes
    /// <see cref="LocalSqsQueues.Of"/>.
    /// </summary>
    public IReadOnlyCollection<string> KnownQueues { get; init; } = [];

    /// <summary>The loopback port <see cref="SqsStandIn.StartAsync"/> listens on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The region in queue ARNs (default <c>us-east-1</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in queue URLs and ARNs; moto's fixed id by default, so the two compare equal.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Receives one line per request and the details of unexpected failures.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock for delays, visibility timeouts and retention; tests may pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
