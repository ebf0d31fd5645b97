using System.Text.Json.Nodes;
using Chalice.Tests;

namespace Chalice.Policy.Tests;

/// <summary>The seed app itself, through the real loader: the least-privilege policy Chalice cannot produce.</summary>
public sealed class SampleAppPolicyTests
{
    [Fact]
    public async Task S3_test_needs_exactly_get_and_put_object_on_its_bucket_plus_logs()
    {
        var result = await PolicyGenerator.GenerateAsync(RepoPaths.InRepo("samples", "S3Test"), new PolicySettings(), TestContext.Current.CancellationToken);

        Assert.Empty(result.Warnings);
        var expected = JsonNode.Parse("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "CloudWatchLogs",
                  "Effect": "Allow",
                  "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                  "Resource": ["arn:*:logs:*:*:*"]
                },
                {
                  "Sid": "S3Objects",
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:PutObject"],
                  "Resource": ["arn:aws:s3:::ippevent-public/*"]
                }
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(result.Json)), result.Json);
    }
}
