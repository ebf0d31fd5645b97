using Amazon;
using Amazon.SQS;

namespace FactoryClient;

public static class Jobs
{
    private const string QueueName = "nightly-jobs";

    private static IAmazonSQS CreateClient() => new AmazonSQSClient(RegionEndpoint.EUCentral1);

    public static async Task Schedule(string job)
    {
        using var sqs = CreateClient();
        var url = await sqs.GetQueueUrlAsync(QueueName);
        await sqs.SendMessageAsync(url.QueueUrl, job);
    }

    public static Task Create() => CreateClient().CreateQueueAsync(QueueName);
}
