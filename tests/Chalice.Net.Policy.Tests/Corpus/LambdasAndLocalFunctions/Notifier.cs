using Amazon.SQS;
using Amazon.SQS.Model;

namespace LambdasAndLocalFunctions;

public sealed class Notifier(IAmazonSQS sqs)
{
    private const string Queue = "https://sqs.us-east-2.amazonaws.com/210987654321/notifications";

    public Task NotifyAll(IEnumerable<string> messages) =>
        Retry(() => sqs.SendMessageBatchAsync(Queue,
            messages.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(), body)).ToList()));

    public async Task Hide(string receipt)
    {
        await Change(30);

        Task Change(int seconds) => sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
        {
            QueueUrl = Queue,
            ReceiptHandle = receipt,
            VisibilityTimeout = seconds,
        });
    }

    private static async Task Retry(Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (AmazonSQSException) when (attempt < 3)
            {
            }
        }
    }
}
