using Amazon.SQS;
using Amazon.SQS.Model;

namespace SqsConstantQueue;

public sealed class Worker(IAmazonSQS sqs)
{
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders";

    public Task Enqueue(string body) => sqs.SendMessageAsync(QueueUrl, body);

    public async Task Drain()
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl, MaxNumberOfMessages = 10 });
        foreach (var message in received.Messages ?? [])
            await sqs.DeleteMessageAsync(QueueUrl, message.ReceiptHandle);
    }

    // Listing queues has no queue to narrow to.
    public Task<ListQueuesResponse> All() => sqs.ListQueuesAsync(new ListQueuesRequest());
}
