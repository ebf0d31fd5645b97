using Chalice.Local.Sqs;
using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Queues;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.Sns.Topics;

/// <summary>
/// Delivers a published message to every subscription of its topic: to local queues (the envelope, or the raw
/// message with its attributes as SQS message attributes when <c>RawMessageDelivery</c> is on,
/// https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html) before Publish answers, so the
/// app can read them at once; to <c>lambda</c> subscriptions through <see cref="ISnsDeliveryTarget"/> without waiting,
/// as SNS invokes functions asynchronously.
/// </summary>
internal sealed class SnsPublisher(TopicRegistry topics, SnsStandInOptions options, Lazy<NotificationSigner> signer)
{
    public async Task DeliverAsync(StoredTopic topic, PublishedMessage published, Uri endpoint)
    {
        foreach (var subscription in topics.Subscriptions(topic.Arn))
        {
            var notification = SnsNotification.For(subscription, published, signer.Value, endpoint);
            switch (subscription.Protocol)
            {
                case "sqs":
                    await DeliverToQueueAsync(subscription, notification);
                    break;
                case "lambda":
                    DeliverToFunction(subscription, notification);
                    break;
            }
        }
    }

    private async Task DeliverToQueueAsync(StoredSubscription subscription, SnsNotification notification)
    {
        var queue = options.Sqs?.Queues.FindByArn(subscription.Endpoint);
        if (queue is null)
        {
            SnsLog.Undelivered(options.Logger, notification.Published.MessageId, subscription.TopicArn, subscription.Endpoint, "the queue does not exist");
            return;
        }
        var raw = subscription.RawMessageDelivery;
        var attributes = raw && notification.Published.Attributes.Count > 0
            ? notification.Published.Attributes.ToDictionary(a => a.Key, a => new WireMessageAttribute
            {
                DataType = a.Value.DataType,
                StringValue = a.Value.StringValue,
                BinaryValue = a.Value.BinaryValue,
            }, StringComparer.Ordinal)
            : null;
        var fifo = queue.IsFifo;
        try
        {
            await queue.SendAsync(new MessageDraft(
                raw ? notification.Message : notification.ToSqsBody(), attributes, null,
                DelaySeconds: fifo ? 0 : queue.Attribute(QueueAttributes.DelaySeconds),
                GroupId: fifo ? notification.Published.GroupId ?? "sns" : null,
                DeduplicationId: fifo ? notification.Published.DeduplicationId ?? notification.Published.MessageId : null,
                SenderId: "sns.amazonaws.com"));
        }
        catch (SqsErrorException e)
        {
            SnsLog.Undelivered(options.Logger, notification.Published.MessageId, subscription.TopicArn, subscription.Endpoint, e.Message);
        }
    }

    private void DeliverToFunction(StoredSubscription subscription, SnsNotification notification)
    {
        var target = options.LambdaTarget;
        var messageId = notification.Published.MessageId;
        if (target is null)
        {
            SnsLog.Undelivered(options.Logger, messageId, subscription.TopicArn, subscription.Endpoint,
                "no function runs locally for lambda subscriptions yet");
            return;
        }
        var delivery = new SnsLambdaDelivery(subscription.Endpoint, subscription.Arn, subscription.TopicArn, messageId, notification.ToLambdaEvent());
        _ = Task.Run(async () =>
        {
            try
            {
                await target.DeliverAsync(delivery, CancellationToken.None);
            }
            catch (Exception e)
            {
                SnsLog.LambdaFailed(options.Logger, e, messageId, subscription.Endpoint);
            }
        });
    }
}
