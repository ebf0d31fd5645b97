using Amazon.Runtime;
using Amazon.S3;

namespace Chalice.Local.Tests.S3;

/// <summary>The AWS SDK's S3 client configured as an app run by the emulator would be: path-style, dummy credentials.</summary>
internal static class S3TestClients
{
    public static AmazonS3Client For(Uri endpoint, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            // A failure must show up as the failure, not as three attempts.
            MaxErrorRetry = 0,
        };
        configure?.Invoke(config);
        return new AmazonS3Client(new BasicAWSCredentials("local", "local-secret"), config);
    }
}
