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

    // Chalice's generate_policy (chalice/policy.py) appends VPC_ATTACH_POLICY when a function has subnets and security
    // groups, and XRAY_POLICY with xray (chalice/constants.py); the statements the code shows come first, unchanged.
    [Fact]
    public async Task A_VPC_and_X_Ray_add_Chalices_network_interface_and_trace_statements()
    {
        var result = await PolicyGenerator.GenerateAsync(RepoPaths.InRepo("samples", "S3Test"),
            new PolicySettings { VpcAccess = true, XrayTracing = true }, TestContext.Current.CancellationToken);

        var statements = JsonNode.Parse(result.Json)!["Statement"]!.AsArray();
        Assert.Equal(["CloudWatchLogs", "S3Objects", "VpcNetworkInterfaces", "XRay"], statements.Select(s => s!["Sid"]!.GetValue<string>()));
        Assert.Equal("""["ec2:CreateNetworkInterface","ec2:DeleteNetworkInterface","ec2:DescribeNetworkInterfaces","ec2:DetachNetworkInterface"]""",
            statements[2]!["Action"]!.ToJsonString());
        Assert.Equal("""["xray:PutTelemetryRecords","xray:PutTraceSegments"]""", statements[3]!["Action"]!.ToJsonString());
        Assert.All(statements.Skip(2), s => Assert.Equal("""["*"]""", s!["Resource"]!.ToJsonString()));
    }
}
