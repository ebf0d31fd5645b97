using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Planning.Resources;
using static Chalice.Deploy.Templates.StackTemplate;

namespace Chalice.Deploy.Templates;

/// <summary>
/// A function's event source in a template, as the deployer wires it: in SAM an entry of the function's <c>Events</c>
/// (Chalice's SAM template writes the same: aws/chalice <c>chalice/package.py</c>, <c>SAMTemplateGenerator</c>); in plain
/// CloudFormation the rule, mapping or subscription and the function's invoke permission as resources
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html). A queue, topic
/// or stream named by name is the stack's account's and region's.
/// </summary>
internal static class EventSourceTemplate
{
    /// <summary>Adds the source of <paramref name="function"/> (whose resource is <paramref name="functionId"/>); a pure function has none.</summary>
    public static void Add(JsonObject resources, HashSet<string> ids, string functionId, JsonObject functionResource, FunctionManifest function, TemplateFormat format)
    {
        if (Source(function) is not { } source)
            return;
        if (format == TemplateFormat.Sam)
        {
            functionResource["Properties"]!["Events"] = new JsonObject { [Id(ids, functionId + source.Suffix)] = new JsonObject
            {
                ["Type"] = source.SamType,
                ["Properties"] = source.SamProperties,
            } };
            return;
        }
        var id = Id(ids, functionId + source.Suffix);
        switch (source.SamType)
        {
            case "Schedule" or "CloudWatchEvent":
                var rule = new JsonObject { ["State"] = "ENABLED" };
                if (source.SamProperties["Schedule"] is { } schedule)
                    rule["ScheduleExpression"] = schedule.DeepClone();
                if (source.SamProperties["Pattern"] is { } pattern)
                    rule["EventPattern"] = pattern.DeepClone();
                if (source.SamProperties["Description"] is { } description)
                    rule["Description"] = description.DeepClone();
                rule["Targets"] = new JsonArray(new JsonObject { ["Id"] = EventRulePlanner.TargetId, ["Arn"] = GetAtt(functionId, "Arn") });
                resources[id] = new JsonObject { ["Type"] = "AWS::Events::Rule", ["Properties"] = rule };
                resources[Id(ids, id + "Permission")] = Permission(functionId, "events.amazonaws.com", GetAtt(id, "Arn"));
                break;
            case "SNS":
                var topic = source.SamProperties["Topic"]!;
                resources[id] = new JsonObject
                {
                    ["Type"] = "AWS::SNS::Subscription",
                    ["Properties"] = new JsonObject { ["Protocol"] = "lambda", ["TopicArn"] = topic.DeepClone(), ["Endpoint"] = GetAtt(functionId, "Arn") },
                };
                resources[Id(ids, id + "Permission")] = Permission(functionId, "sns.amazonaws.com", topic.DeepClone());
                break;
            default:
                var mapping = new JsonObject
                {
                    ["EventSourceArn"] = (source.SamProperties["Queue"] ?? source.SamProperties["Stream"])!.DeepClone(),
                    ["FunctionName"] = Ref(functionId),
                };
                foreach (var (key, value) in source.SamProperties.Where(p => p.Key is not "Queue" and not "Stream"))
                    mapping[key] = value!.DeepClone();
                resources[id] = new JsonObject { ["Type"] = "AWS::Lambda::EventSourceMapping", ["Properties"] = mapping };
                break;
        }
    }

    private static JsonObject Permission(string functionId, string principal, JsonNode sourceArn) => new()
    {
        ["Type"] = "AWS::Lambda::Permission",
        ["Properties"] = new JsonObject
        {
            ["FunctionName"] = Ref(functionId),
            ["Action"] = "lambda:InvokeFunction",
            ["Principal"] = principal,
            ["SourceArn"] = sourceArn,
        },
    };

    /// <summary>The source as SAM's event (type and properties), and the suffix of its logical id.</summary>
    private static (string SamType, JsonObject SamProperties, string Suffix)? Source(FunctionManifest function)
    {
        static JsonNode ByName(string value, string service, string prefix) => value.StartsWith("arn:", StringComparison.Ordinal)
            ? value
            : Sub($"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{prefix}{value}");
        static JsonArray? ResponseTypes(bool reports) => reports ? new JsonArray("ReportBatchItemFailures") : null;
        static JsonObject Without(JsonObject properties)
        {
            foreach (var key in properties.Where(p => p.Value is null).Select(p => p.Key).ToArray())
                properties.Remove(key);
            return properties;
        }

        return function switch
        {
            ScheduleFunctionManifest scheduled => ("Schedule", Without(new JsonObject
            {
                ["Schedule"] = scheduled.Expression, ["Description"] = scheduled.Description,
            }), "Event"),
            CloudWatchEventFunctionManifest watched => ("CloudWatchEvent", new JsonObject { ["Pattern"] = JsonNode.Parse(watched.EventPattern) }, "Event"),
            SnsFunctionManifest sns => ("SNS", new JsonObject
            {
                ["Topic"] = SnsTopicArn.IsArn(sns.Topic) ? sns.Topic : ByName(sns.Topic, "sns", ""),
            }, "SnsSubscription"),
            SqsFunctionManifest sqs => ("SQS", Without(new JsonObject
            {
                ["Queue"] = sqs.QueueArn ?? ByName(sqs.Queue!, "sqs", ""),
                ["BatchSize"] = sqs.BatchSize,
                ["MaximumBatchingWindowInSeconds"] = sqs.MaximumBatchingWindowInSeconds,
                ["ScalingConfig"] = sqs.MaximumConcurrency is { } concurrency ? new JsonObject { ["MaximumConcurrency"] = concurrency } : null,
                ["FunctionResponseTypes"] = ResponseTypes(sqs.ReportsBatchItemFailures),
            }), "SqsEventSource"),
            KinesisFunctionManifest kinesis => ("Kinesis", Without(new JsonObject
            {
                ["Stream"] = ByName(kinesis.Stream, "kinesis", "stream/"),
                ["BatchSize"] = kinesis.BatchSize,
                ["StartingPosition"] = kinesis.StartingPosition,
                ["MaximumBatchingWindowInSeconds"] = kinesis.MaximumBatchingWindowInSeconds,
                ["FunctionResponseTypes"] = ResponseTypes(kinesis.ReportsBatchItemFailures),
            }), "KinesisEventSource"),
            DynamoDBFunctionManifest dynamo => ("DynamoDB", Without(new JsonObject
            {
                ["Stream"] = dynamo.StreamArn,
                ["BatchSize"] = dynamo.BatchSize,
                ["StartingPosition"] = dynamo.StartingPosition,
                ["MaximumBatchingWindowInSeconds"] = dynamo.MaximumBatchingWindowInSeconds,
                ["FunctionResponseTypes"] = ResponseTypes(dynamo.ReportsBatchItemFailures),
            }), "DynamoDBEventSource"),
            _ => null,
        };
    }

    private static string Id(HashSet<string> ids, string id)
    {
        var unique = id;
        for (var i = 2; !ids.Add(unique); i++)
            unique = $"{id}{i}";
        return unique;
    }
}
