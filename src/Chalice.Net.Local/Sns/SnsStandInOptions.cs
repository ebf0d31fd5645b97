using Chalice.Local.Sqs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chalice.Local.Sns;

/// <summary>Settings for a local SNS stand-in.</summary>
public sealed class SnsStandInOptions
{
    /// <summary>The folder that holds the topics and subscriptions (the emulator passes <c>.chalice/local/sns</c>).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The topics that exist on AWS for the app; the stand-in creates each at start unless it is there already. Any
    /// other topic exists only once the app creates it. The emulator passes <see cref="LocalSnsTopics.Of"/>.
    /// </summary>
    public IReadOnlyCollection<string> KnownTopics { get; init; } = [];

    /// <summary>The SQS stand-in whose queues <c>sqs</c> subscriptions deliver to; null leaves them undeliverable (logged).</summary>
    public SqsRequestHandler? Sqs { get; init; }

    /// <summary>Where <c>lambda</c> subscriptions' notifications go; null logs them as undelivered.</summary>
    public ISnsDeliveryTarget? LambdaTarget { get; init; }

    /// <summary>The loopback port <see cref="SnsStandIn.StartAsync"/> listens on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The region in topic ARNs; it must match the SQS stand-in's for <c>sqs</c> subscriptions.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in ARNs; moto's fixed id by default.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Receives one line per request and the details of failures.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock for notification time stamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
