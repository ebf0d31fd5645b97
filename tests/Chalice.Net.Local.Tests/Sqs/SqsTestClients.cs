using Amazon.Runtime;
using Amazon.SQS;

namespace Chalice.Local.Tests.Sqs;

/// <summary>The AWS SDK's SQS client as an app run by the emulator gets it: the endpoint, dummy credentials, no retries.</summary>
internal static class SqsTestClients
{
    public static AmazonSQSClient For(Uri endpoint) => new(new BasicAWSCredentials("local", "local-secret"), new AmazonSQSConfig
    {
        ServiceURL = endpoint.ToString(),
        AuthenticationRegion = "us-east-1",
        // A failure must show up as the failure, not as three attempts.
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(60),
    });
}
