using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.Planning;

/// <summary>
/// What a function's execution role needs for Lambda to poll its queue or stream on its behalf, which no SDK call in
/// the app's code shows, so the inferred policy lacks it; without it Lambda refuses to create the mapping. Only the
/// polling function's role gets it, scoped to its one queue or stream:
/// <list type="bullet">
/// <item>SQS: <c>sqs:ReceiveMessage</c>, <c>sqs:DeleteMessage</c>, <c>sqs:GetQueueAttributes</c>
/// (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, "Execution role permissions");</item>
/// <item>Kinesis: <c>kinesis:DescribeStream</c>, <c>DescribeStreamSummary</c>, <c>GetRecords</c>, <c>GetShardIterator</c>,
/// <c>ListShards</c>, <c>SubscribeToShard</c> (https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-create.html);</item>
/// <item>DynamoDB streams: <c>dynamodb:DescribeStream</c>, <c>GetRecords</c>, <c>GetShardIterator</c>, <c>ListStreams</c> on the
/// table's streams (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-example-lamda-process-dynamodb-streams.html).</item>
/// </list>
/// A queue or stream named by name is Chalice's ARN of that name in the role's account and the deploy's region.
/// </summary>
internal static class EventSourcePolicy
{
    private static readonly string[] s_sqs = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];

    private static readonly string[] s_kinesis =
        ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:SubscribeToShard"];

    private static readonly string[] s_dynamoDB = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"];

    /// <summary>Whether the function's source is one Lambda polls (and so needs a statement here).</summary>
    public static bool IsNeeded(FunctionManifest? function) =>
        function is SqsFunctionManifest or KinesisFunctionManifest or DynamoDBFunctionManifest;

    /// <summary>The policy with the statement for the function's polled source appended (the policy itself when there is none).</summary>
    /// <param name="policyJson">The role's policy (validated JSON).</param>
    /// <param name="function">The function whose role it is (null: the API function, which polls nothing).</param>
    /// <param name="region">The deploy's region.</param>
    /// <param name="account">The role's account.</param>
    /// <param name="partition">The partition (default: the region's; a template passes <c>${AWS::Partition}</c>).</param>
    public static string With(string policyJson, FunctionManifest? function, string region, string account, string? partition = null)
    {
        partition ??= AwsPartition.ForRegion(region).Id;
        var (actions, resource) = function switch
        {
            SqsFunctionManifest sqs => (s_sqs, sqs.QueueArn ?? $"arn:{partition}:sqs:{region}:{account}:{sqs.Queue}"),
            KinesisFunctionManifest kinesis => (s_kinesis,
                kinesis.Stream.StartsWith("arn:", StringComparison.Ordinal) ? kinesis.Stream : $"arn:{partition}:kinesis:{region}:{account}:stream/{kinesis.Stream}"),
            DynamoDBFunctionManifest dynamo => (s_dynamoDB, TableStreams(dynamo.StreamArn)),
            _ => ((string[]?)null, (string?)null),
        };
        if (function is null || actions is null || resource is null)
            return policyJson;

        var policy = JsonNode.Parse(policyJson)!.AsObject();
        if (policy["Statement"] is not JsonArray statements)
        {
            // A single statement may stand alone; the list holds it and the new one.
            var single = policy["Statement"];
            policy.Remove("Statement");
            statements = single is null ? [] : [single];
            policy["Statement"] = statements;
        }
        var statement = new JsonObject
        {
            ["Sid"] = Sid(function.Name),
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
            ["Resource"] = resource,
        };
        if (!statements.Any(s => JsonNode.DeepEquals(s, statement)))
            statements.Add(statement);
        return policy.ToJsonString();
    }

    /// <summary>The table's streams, <c>…:table/NAME/stream/*</c>, from one stream's ARN (the stream label changes when the stream is re-enabled).</summary>
    private static string TableStreams(string streamArn)
    {
        var index = streamArn.IndexOf("/stream/", StringComparison.Ordinal);
        return index < 0 ? streamArn : streamArn[..index] + "/stream/*";
    }

    // IAM's Sid allows letters and digits only.
    private static string Sid(string function) => "ChaliceNetEventSource" + new string([.. function.Where(char.IsAsciiLetterOrDigit)]);
}
