using System.Globalization;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Aws.Sqs;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// The in-memory account answers the calls that wire event sources (EventBridge, SNS, SQS, Lambda event source
/// mappings and permissions, S3 notifications, CloudWatch Logs) as moto does: one script, run against both through the
/// same interfaces, must give equal transcripts. What the user owns (topics, queues, buckets) and what Lambda writes
/// (log events) is made outside the clients: with the AWS CLI against moto, with the fakes' own methods in memory.
/// Left out are the known places where moto departs from AWS and the fake follows AWS (each proven in
/// <see cref="InMemoryAwsDepartureTests"/>):
/// <list type="bullet">
/// <item>EventBridge: PutRule merges the tags of an existing rule (AWS ignores them: the model's PutRule);</item>
/// <item>Lambda: mappings are Enabled at once (AWS: Creating, then Enabled), a second mapping of the same queue to the
/// same function is accepted (AWS: ResourceConflictException), deleting or updating a mapping that does not exist
/// answers 200 (AWS: ResourceNotFoundException), a queue that does not exist is ResourceNotFoundException (AWS:
/// InvalidParameterValueException), and a starting position for a queue is accepted (AWS: InvalidParameterValueException);</item>
/// <item>S3: rule names come back as sent (AWS: <c>Prefix</c>/<c>Suffix</c>, https://github.com/aws/aws-sdk/issues/389),
/// the EventBridge entry is dropped on read, and a Lambda destination is not validated (AWS checks the function's
/// permission);</item>
/// <item>CloudWatch Logs: any retention is accepted (AWS: only the model's list of days).</item>
/// </list>
/// </summary>
public sealed class InMemoryEventSourcesParityTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Trust =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static readonly DateTimeOffset s_now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task The_in_memory_account_answers_the_event_source_calls_as_moto_does()
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        using var motoClients = new MotoClients(moto);
        var inMemory = new InMemoryAws();

        var fromMoto = await TranscriptAsync(motoClients.Clients, new MotoOwner(moto));
        var fromMemory = await TranscriptAsync(inMemory, new InMemoryOwner(inMemory));

        Assert.Equal(fromMoto, fromMemory);
        Assert.Contains("DescribeRule missing: True", fromMemory);
        Assert.Contains("ListTargetsByRule of a missing rule: ResourceNotFoundException 400 not-found=True", fromMemory);
        Assert.Contains("DeleteRule with targets: ValidationException 400 not-found=False", fromMemory);
        Assert.Contains("Subscribe again: same ARN True", fromMemory);
        Assert.Contains("GetQueueAttributes of a missing queue: QueueDoesNotExist 400 not-found=True", fromMemory);
        Assert.Contains("CreateEventSourceMapping for a missing function: ResourceNotFoundException 404 not-found=True", fromMemory);
        Assert.Contains("GetBucketNotificationConfiguration missing bucket: NoSuchBucket 404 not-found=True", fromMemory);
        Assert.Contains("CreateLogGroup again: ResourceAlreadyExistsException 400 not-found=False", fromMemory);
        Assert.Contains("FilterLogEvents by pages of 2: m1,m2,o3,m4,o5", fromMemory);
    }

    private static async Task<IReadOnlyList<string>> TranscriptAsync(IAwsApis aws, IResourceOwner owner)
    {
        var transcript = new ParityTranscript();

        // EventBridge
        var events = aws.EventBridge;
        string ruleArn = "";
        await transcript.Step("DescribeRule missing", async () => await events.DescribeRuleAsync("parity-rule") is null);
        await transcript.Step("PutRule", async () => ruleArn = await events.PutRuleAsync(new PutRuleRequest
        {
            Name = "parity-rule", ScheduleExpression = "rate(5 minutes)", Description = "every five minutes",
            Tags = new Dictionary<string, string> { ["app"] = "parity" },
        }));
        await transcript.Step("DescribeRule", async () => Describe(await events.DescribeRuleAsync("parity-rule")));
        await transcript.Step("PutRule without schedule or pattern", async () => await events.PutRuleAsync(new PutRuleRequest { Name = "parity-none" }));
        await transcript.Step("PutRule with a bad pattern", async () => await events.PutRuleAsync(new PutRuleRequest { Name = "parity-bad", EventPattern = "{not json" }));
        await transcript.Step("PutRule with a bad schedule", async () => await events.PutRuleAsync(new PutRuleRequest { Name = "parity-bad", ScheduleExpression = "every day" }));
        await transcript.Step("PutRule replaces the rule", async () =>
        {
            await events.PutRuleAsync(new PutRuleRequest { Name = "parity-rule", EventPattern = """{"source":["aws.s3"]}""", State = "DISABLED" });
            return Describe(await events.DescribeRuleAsync("parity-rule"));
        });
        await transcript.Step("Tags", async () =>
        {
            await events.TagResourceAsync(ruleArn, new Dictionary<string, string> { ["stage"] = "dev" });
            return Sorted(await events.ListTagsForResourceAsync(ruleArn));
        });
        await transcript.Step("PutTargets to a missing rule", async () =>
        {
            await events.PutTargetsAsync("parity-none", [new EventBridgeTarget { Id = "1", Arn = "arn:aws:lambda:us-east-1:123456789012:function:f" }]);
            return null;
        });
        await transcript.Step("PutTargets", async () =>
        {
            await events.PutTargetsAsync("parity-rule", [new EventBridgeTarget { Id = "1", Arn = "arn:aws:lambda:us-east-1:123456789012:function:f", Input = """{"k":1}""" }]);
            return string.Join(",", (await events.ListTargetsByRuleAsync("parity-rule")).Select(t => $"{t.Id} {t.Arn} {t.Input}"));
        });
        await transcript.Step("ListTargetsByRule of a missing rule", async () => await events.ListTargetsByRuleAsync("parity-none"));
        await transcript.Step("DeleteRule with targets", async () =>
        {
            await events.DeleteRuleAsync("parity-rule");
            return null;
        });
        await transcript.Step("ListRules", async () =>
        {
            await events.PutRuleAsync(new PutRuleRequest { Name = "parity-other", ScheduleExpression = "cron(0 12 * * ? *)" });
            await events.PutRuleAsync(new PutRuleRequest { Name = "unrelated", ScheduleExpression = "rate(1 day)" });
            return string.Join(",", (await events.ListRulesAsync("parity-")).Select(r => r.Name).Order(StringComparer.Ordinal));
        });
        await transcript.Step("RemoveTargets and DeleteRule", async () =>
        {
            await events.RemoveTargetsAsync("parity-rule", ["1"]);
            await events.DeleteRuleAsync("parity-rule");
            await events.DeleteRuleAsync("parity-rule");
            return await events.DescribeRuleAsync("parity-rule") is null;
        });

        // SNS, on a topic its owner made
        var sns = aws.Sns;
        var topicArn = await owner.CreateTopicAsync("parity-topic");
        const string functionArn = "arn:aws:lambda:us-east-1:123456789012:function:parity-fn";
        string subscriptionArn = "";
        await transcript.Step("Subscribe to a missing topic", async () => await sns.SubscribeAsync(topicArn + "-missing", "lambda", functionArn));
        await transcript.Step("Subscribe", async () => (subscriptionArn = await sns.SubscribeAsync(topicArn, "lambda", functionArn)).StartsWith(topicArn + ":", StringComparison.Ordinal));
        await transcript.Step("Subscribe again", async () => $"same ARN {await sns.SubscribeAsync(topicArn, "lambda", functionArn) == subscriptionArn}");
        await transcript.Step("ListSubscriptionsByTopic", async () => string.Join(",", (await sns.ListSubscriptionsByTopicAsync(topicArn))
            .Select(s => $"{s.SubscriptionArn == subscriptionArn} {s.Protocol} {s.Endpoint} {s.TopicArn} {s.Owner}")));
        await transcript.Step("ListSubscriptionsByTopic of a missing topic", async () => await sns.ListSubscriptionsByTopicAsync(topicArn + "-missing"));
        await transcript.Step("GetSubscriptionAttributes", async () =>
        {
            var attributes = (await sns.GetSubscriptionAttributesAsync(subscriptionArn))!;
            return string.Join(" ", new[] { "TopicArn", "Endpoint", "Protocol", "Owner", "PendingConfirmation" }.Select(k => attributes[k]));
        });
        await transcript.Step("GetSubscriptionAttributes missing", async () => await sns.GetSubscriptionAttributesAsync(topicArn + ":00000000-0000-0000-0000-000000000000") is null);
        await transcript.Step("Unsubscribe", async () =>
        {
            await sns.UnsubscribeAsync(subscriptionArn);
            return (await sns.ListSubscriptionsByTopicAsync(topicArn)).Count;
        });

        // SQS, on a queue its owner made
        var queueArn = await owner.CreateQueueAsync("parity-queue");
        await transcript.Step("GetQueueUrl missing", async () => await aws.Sqs.GetQueueUrlAsync("parity-missing") is null);
        await transcript.Step("Queue ARN by name", async () => await SqsQueueArn.ResolveAsync(aws.Sqs, "parity-queue") == queueArn);
        await transcript.Step("GetQueueAttributes of a missing queue", async () =>
            await aws.Sqs.GetQueueAttributesAsync((await aws.Sqs.GetQueueUrlAsync("parity-queue"))! + "-missing", ["QueueArn"]));

        // Lambda: a function, its event source mapping and its permissions
        var lambda = aws.Lambda;
        var role = await aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "parity-fn-role", AssumeRolePolicyDocument = Trust });
        await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = "parity-fn", Role = role.Arn, Code = new LambdaFunctionCode { ZipFile = TestZip.Create("fn") }, Runtime = "provided.al2023",
            Handler = "bootstrap",
        });
        await aws.LambdaWaiter.WaitUntilActiveAsync("parity-fn");
        string uuid = "";
        await transcript.Step("CreateEventSourceMapping for a missing function", async () => await lambda.CreateEventSourceMappingAsync(
            new CreateEventSourceMappingRequest { FunctionName = "parity-missing", EventSourceArn = queueArn }));
        await transcript.Step("CreateEventSourceMapping", async () =>
        {
            var created = await lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest
            {
                FunctionName = "parity-fn", EventSourceArn = queueArn, BatchSize = 5, MaximumBatchingWindowInSeconds = 2,
                ScalingConfig = new EventSourceScalingConfig { MaximumConcurrency = 3 }, FunctionResponseTypes = ["ReportBatchItemFailures"],
            });
            uuid = created.Uuid;
            return Describe(await aws.EventSourceMappingWaiter.WaitUntilStableAsync(uuid));
        });
        await transcript.Step("GetEventSourceMapping missing", async () => await lambda.GetEventSourceMappingAsync("00000000-0000-0000-0000-000000000000") is null);
        await transcript.Step("UpdateEventSourceMapping", async () =>
        {
            await lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest
            {
                Uuid = uuid, BatchSize = 7, ScalingConfig = new EventSourceScalingConfig { MaximumConcurrency = 4 }, FunctionResponseTypes = [],
            });
            return Describe(await aws.EventSourceMappingWaiter.WaitUntilStableAsync(uuid));
        });
        await transcript.Step("ListEventSourceMappings", async () =>
            $"{string.Join(",", (await lambda.ListEventSourceMappingsAsync("parity-fn", null)).Select(m => m.Uuid == uuid))} " +
            $"{string.Join(",", (await lambda.ListEventSourceMappingsAsync(null, queueArn)).Select(m => m.Uuid == uuid))}");
        await transcript.Step("CreateEventSourceMapping for a stream", async () =>
        {
            var streamArn = await owner.CreateStreamAsync("parity-stream");
            var created = await lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest
            {
                FunctionName = "parity-fn", EventSourceArn = streamArn, StartingPosition = "TRIM_HORIZON", BatchSize = 100,
            });
            var stable = await aws.EventSourceMappingWaiter.WaitUntilStableAsync(created.Uuid);
            await lambda.DeleteEventSourceMappingAsync(created.Uuid);
            await aws.EventSourceMappingWaiter.WaitUntilDeletedAsync(created.Uuid);
            return $"{stable.State} {stable.StartingPosition} {stable.BatchSize} {stable.EventSourceArn == streamArn}";
        });
        await transcript.Step("DeleteEventSourceMapping", async () =>
        {
            var deleting = await lambda.DeleteEventSourceMappingAsync(uuid);
            await aws.EventSourceMappingWaiter.WaitUntilDeletedAsync(uuid);
            return $"{deleting.State} {await lambda.GetEventSourceMappingAsync(uuid) is null} {(await lambda.ListEventSourceMappingsAsync("parity-fn", null)).Count}";
        });
        var function = (await lambda.GetFunctionAsync("parity-fn"))!.Configuration.FunctionArn!;
        await transcript.Step("AddPermission for S3, EventBridge and SNS", async () =>
        {
            await lambda.AddPermissionAsync(new AddPermissionRequest
            {
                FunctionName = "parity-fn", StatementId = "s3", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com",
                SourceArn = "arn:aws:s3:::parity-bucket", SourceAccount = InMemoryAws.Account,
            });
            await lambda.AddPermissionAsync(new AddPermissionRequest
            {
                FunctionName = "parity-fn", StatementId = "events", Action = "lambda:InvokeFunction", Principal = "events.amazonaws.com",
                SourceArn = "arn:aws:events:us-east-1:123456789012:rule/parity-other",
            });
            await lambda.AddPermissionAsync(new AddPermissionRequest
            {
                FunctionName = "parity-fn", StatementId = "sns", Action = "lambda:InvokeFunction", Principal = "sns.amazonaws.com", SourceArn = topicArn,
            });
            return string.Join(" | ", (await lambda.GetPolicyAsync("parity-fn"))!.Statements.OrderBy(s => s.Sid, StringComparer.Ordinal)
                .Select(s => $"{s.Sid} {s.Effect} {s.Principal} {s.Action} {s.SourceArn} {s.SourceAccount}"));
        });

        // S3, on a bucket its owner made, with entries of its own
        var s3 = aws.S3;
        await owner.CreateBucketAsync("parity-bucket");
        await transcript.Step("GetBucketNotificationConfiguration missing bucket", async () => await s3.GetBucketNotificationConfigurationAsync("parity-missing"));
        await transcript.Step("GetBucketNotificationConfiguration empty", async () => Describe(await s3.GetBucketNotificationConfigurationAsync("parity-bucket")));
        var ours = new LambdaFunctionNotification
        {
            Id = "parity-fn-notification", LambdaFunctionArn = function, Events = ["s3:ObjectCreated:*"],
            FilterRules = [new S3KeyFilterRule("prefix", "images/"), new S3KeyFilterRule("suffix", ".jpg")],
        };
        await transcript.Step("PutBucketNotificationConfiguration", async () =>
        {
            var theirs = BucketNotificationConfiguration.Parse(System.Xml.Linq.XElement.Parse(
                """<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">""" +
                $"""<TopicConfiguration><Id>theirs-topic</Id><Topic>{topicArn}</Topic><Event>s3:ObjectRemoved:*</Event></TopicConfiguration>""" +
                $"""<QueueConfiguration><Id>theirs-queue</Id><Queue>{queueArn}</Queue><Event>s3:ObjectCreated:Put</Event>""" +
                """<Filter><S3Key><FilterRule><Name>suffix</Name><Value>.csv</Value></FilterRule></S3Key></Filter></QueueConfiguration>""" +
                "</NotificationConfiguration>"));
            await s3.PutBucketNotificationConfigurationAsync("parity-bucket", theirs.WithLambdaFunction(ours));
            return Describe(await s3.GetBucketNotificationConfigurationAsync("parity-bucket"));
        });
        await transcript.Step("Change only our entry", async () =>
        {
            var read = await s3.GetBucketNotificationConfigurationAsync("parity-bucket");
            await s3.PutBucketNotificationConfigurationAsync("parity-bucket", read.WithLambdaFunction(ours with { Events = ["s3:ObjectRemoved:*"] }));
            return Describe(await s3.GetBucketNotificationConfigurationAsync("parity-bucket"));
        });
        await transcript.Step("Remove only our entry", async () =>
        {
            var read = await s3.GetBucketNotificationConfigurationAsync("parity-bucket");
            await s3.PutBucketNotificationConfigurationAsync("parity-bucket", read.WithoutLambdaFunction(ours.Id!));
            return Describe(await s3.GetBucketNotificationConfigurationAsync("parity-bucket"));
        });
        await transcript.Step("PutBucketNotificationConfiguration with an unknown event", async () =>
        {
            await s3.PutBucketNotificationConfigurationAsync("parity-bucket", BucketNotificationConfiguration.Empty.WithLambdaFunction(ours with { Events = ["s3:ObjectCreated"] }));
            return null;
        });
        await transcript.Step("PutBucketNotificationConfiguration with a bad ARN", async () =>
        {
            await s3.PutBucketNotificationConfigurationAsync("parity-bucket", BucketNotificationConfiguration.Empty.WithLambdaFunction(ours with { LambdaFunctionArn = "parity-fn" }));
            return null;
        });

        // CloudWatch Logs: the group a deploy makes, and the events Lambda writes into it
        var logs = aws.Logs;
        const string group = "/aws/lambda/parity-logs";
        await transcript.Step("CreateLogGroup", async () =>
        {
            await logs.CreateLogGroupAsync(group, new Dictionary<string, string> { ["app"] = "parity" });
            return string.Join(",", (await logs.DescribeLogGroupsAsync("/aws/lambda/parity-l")).Select(g => $"{g.LogGroupName} {g.RetentionInDays} {g.Arn}"));
        });
        await transcript.Step("CreateLogGroup again", async () =>
        {
            await logs.CreateLogGroupAsync(group);
            return null;
        });
        await transcript.Step("Retention", async () =>
        {
            await logs.PutRetentionPolicyAsync(group, 7);
            var kept = (await logs.DescribeLogGroupsAsync(group)).Single().RetentionInDays;
            await logs.DeleteRetentionPolicyAsync(group);
            return $"{kept} {(await logs.DescribeLogGroupsAsync(group)).Single().RetentionInDays}";
        });
        await transcript.Step("PutRetentionPolicy of a missing group", async () =>
        {
            await logs.PutRetentionPolicyAsync("/aws/lambda/parity-missing", 7);
            return null;
        });
        await transcript.Step("FilterLogEvents of a missing group", async () => await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/aws/lambda/parity-missing" }));
        const string first = "2024/01/01/[$LATEST]0123456789abcdef", second = "2024/01/01/[$LATEST]fedcba9876543210";
        await owner.WriteLogEventsAsync(group, first, [(1, "m1"), (2, "m2"), (4, "m4")]);
        await owner.WriteLogEventsAsync(group, second, [(3, "o3"), (5, "o5")]);
        await transcript.Step("FilterLogEvents", async () => Messages(await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group })));
        await transcript.Step("FilterLogEvents from a time", async () =>
            Messages(await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group, StartTime = s_now.AddSeconds(-60 + 3) })));
        await transcript.Step("FilterLogEvents of one stream", async () =>
            Messages(await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group, LogStreamNames = [second] })));
        await transcript.Step("FilterLogEvents by pages of 2", async () =>
        {
            var all = new List<string>();
            string? token = null;
            do
            {
                var page = await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group, Limit = 2, NextToken = token });
                all.AddRange(page.Events.Select(e => e.Message));
                token = page.NextToken;
            }
            while (token is not null);
            return string.Join(",", all);
        });
        await transcript.Step("DeleteLogGroup", async () =>
        {
            await logs.DeleteLogGroupAsync(group);
            return (await logs.DescribeLogGroupsAsync(group)).Count;
        });
        await transcript.Step("DeleteLogGroup again", async () =>
        {
            await logs.DeleteLogGroupAsync(group);
            return null;
        });
        return transcript.Lines;
    }

    private static string? Describe(EventBridgeRule? rule) =>
        rule is null ? null : $"{rule.Name} {rule.Arn} {rule.ScheduleExpression} {rule.EventPattern} {rule.State} {rule.Description} {rule.EventBusName}";

    private static string Describe(EventSourceMapping mapping) =>
        $"{mapping.State} {mapping.FunctionArn} {mapping.EventSourceArn} {mapping.BatchSize} {mapping.MaximumBatchingWindowInSeconds} " +
        $"{mapping.ScalingConfig?.MaximumConcurrency} [{string.Join(",", mapping.FunctionResponseTypes ?? [])}] {mapping.EventSourceMappingArn?.EndsWith(mapping.Uuid, StringComparison.Ordinal)}";

    // Rule names lower-cased: AWS answers Prefix/Suffix, moto what it was sent.
    private static string Describe(BucketNotificationConfiguration configuration) =>
        string.Join(" | ", configuration.LambdaFunctions.Select(l =>
                $"lambda {l.Id} {l.LambdaFunctionArn} {string.Join(",", l.Events)} {string.Join(",", l.FilterRules.Select(r => $"{r.Name.ToLowerInvariant()}={r.Value}"))}")
            .Concat(configuration.OtherEntries.Select(e => $"{e.Name.LocalName} {string.Join(",", e.Descendants().Where(d => !d.HasElements).Select(d => $"{d.Name.LocalName}={(d.Name.LocalName == "Name" ? d.Value.ToLowerInvariant() : d.Value)}"))}")));

    private static string Messages(FilterLogEventsPage page) =>
        string.Join(",", page.Events.Select(e => $"{e.Message}@{(e.Timestamp - s_now).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}")) +
        $" next={page.NextToken is not null}";

    private static string Sorted(IReadOnlyDictionary<string, string> tags) =>
        string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    /// <summary>What the user's account holds that no deploy makes, and what Lambda writes.</summary>
    private interface IResourceOwner
    {
        Task<string> CreateTopicAsync(string name);

        Task<string> CreateQueueAsync(string name);

        Task CreateBucketAsync(string name);

        Task<string> CreateStreamAsync(string name);

        /// <summary>Writes events at <c>now - 60 s + offset</c> seconds.</summary>
        Task WriteLogEventsAsync(string group, string stream, IReadOnlyList<(int OffsetSeconds, string Message)> events);
    }

    private sealed class MotoOwner(MotoServer moto) : IResourceOwner
    {
        public async Task<string> CreateTopicAsync(string name) =>
            (await AwsCli.RunAsync(moto, "sns", "create-topic", "--name", name)).GetProperty("TopicArn").GetString()!;

        public async Task<string> CreateQueueAsync(string name)
        {
            var url = (await AwsCli.RunAsync(moto, "sqs", "create-queue", "--queue-name", name)).GetProperty("QueueUrl").GetString()!;
            return (await AwsCli.RunAsync(moto, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn"))
                .GetProperty("Attributes").GetProperty("QueueArn").GetString()!;
        }

        public Task CreateBucketAsync(string name) => AwsCli.RunAsync(moto, "s3api", "create-bucket", "--bucket", name);

        public async Task<string> CreateStreamAsync(string name)
        {
            await AwsCli.RunAsync(moto, "kinesis", "create-stream", "--stream-name", name, "--shard-count", "1");
            return (await AwsCli.RunAsync(moto, "kinesis", "describe-stream-summary", "--stream-name", name))
                .GetProperty("StreamDescriptionSummary").GetProperty("StreamARN").GetString()!;
        }

        public async Task WriteLogEventsAsync(string group, string stream, IReadOnlyList<(int OffsetSeconds, string Message)> events)
        {
            await AwsCli.RunAsync(moto, "logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", stream);
            await AwsCli.RunAsync(moto, ["logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream, "--log-events",
                .. events.Select(e => $"timestamp={s_now.AddSeconds(-60 + e.OffsetSeconds).ToUnixTimeMilliseconds()},message={e.Message}")]);
        }
    }

    private sealed class InMemoryOwner(InMemoryAws aws) : IResourceOwner
    {
        public Task<string> CreateTopicAsync(string name) => Task.FromResult(aws.FakeSns.CreateTopic(name));

        public Task<string> CreateQueueAsync(string name) => Task.FromResult(aws.FakeSqs.CreateQueue(name));

        public Task CreateBucketAsync(string name)
        {
            aws.FakeS3.CreateBucket(name);
            return Task.CompletedTask;
        }

        // The fake Lambda takes any stream ARN: it models no Kinesis.
        public Task<string> CreateStreamAsync(string name) => Task.FromResult($"arn:aws:kinesis:us-east-1:{InMemoryAws.Account}:stream/{name}");

        public Task WriteLogEventsAsync(string group, string stream, IReadOnlyList<(int OffsetSeconds, string Message)> events)
        {
            foreach (var (offset, message) in events)
                aws.FakeLogs.Write(group, stream, s_now.AddSeconds(-60 + offset), message);
            return Task.CompletedTask;
        }
    }
}
