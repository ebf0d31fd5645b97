namespace Chalice.Local.Sns;

/// <summary>
/// Where the SNS stand-in hands notifications for <c>lambda</c> subscriptions: the emulator implements it to invoke
/// the app's SNS handler functions. SNS invokes Lambda asynchronously, so the stand-in does not wait for the result;
/// a target that fails is logged.
/// </summary>
public interface ISnsDeliveryTarget
{
    /// <summary>Delivers one notification to the function a subscription names.</summary>
    Task DeliverAsync(SnsLambdaDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>
/// A notification for a <c>lambda</c> subscription: the function's ARN (the subscription's endpoint) and the event
/// SNS sends to Lambda (<c>{"Records":[{"EventSource":"aws:sns", …, "Sns":{…}}]}</c>), as UTF-8 JSON.
/// </summary>
public sealed record SnsLambdaDelivery(string FunctionArn, string SubscriptionArn, string TopicArn, string MessageId, ReadOnlyMemory<byte> EventJson);
