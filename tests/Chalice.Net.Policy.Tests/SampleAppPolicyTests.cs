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

    // Issue 16's acceptance: each function of samples/Uploads gets what its own handler reaches, through the real loader.
    [Fact]
    public async Task Each_function_of_the_uploads_sample_gets_only_what_its_handler_calls()
    {
        var policies = await PolicyGenerator.GenerateFunctionsAsync(RepoPaths.InRepo("samples", "Uploads"), _ => new PolicySettings(), [],
            TestContext.Current.CancellationToken);

        string Grants(string function) => string.Join("; ", JsonNode.Parse(policies[function].Json)!["Statement"]!.AsArray().Skip(1)
            .Select(s => $"{string.Join(",", s!["Action"]!.AsArray())} on {string.Join(",", s["Resource"]!.AsArray())}"));
        Assert.Equal(["api_handler", "Uploaded", "Summarise", "CleanUp"], policies.Keys);
        Assert.All(policies.Values, p => Assert.Empty(p.Warnings));
        Assert.Equal("s3:GetObject on arn:aws:s3:::chalice-uploads/summaries/*; s3:PutObject on arn:aws:s3:::chalice-uploads/uploads/*", Grants("api_handler"));
        Assert.Equal("sqs:SendMessage on *; sqs:GetQueueUrl on arn:aws:sqs:*:*:uploads-to-summarise", Grants("Uploaded"));
        Assert.Equal("s3:GetObject on arn:aws:s3:::chalice-uploads/*; s3:PutObject on arn:aws:s3:::chalice-uploads/summaries/*", Grants("Summarise"));
        Assert.Equal("s3:ListBucket on arn:aws:s3:::chalice-uploads; s3:DeleteObject on arn:aws:s3:::chalice-uploads/*", Grants("CleanUp"));
    }
}
