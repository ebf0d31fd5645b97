using System.Text.Json.Nodes;
using System.Xml.Linq;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Planning;
using Chalice.Deploy.Planning.Resources;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// An app with one function of every kind (tests/TestApps/EventsApp's) against an AWS account in memory: a Lambda
/// function per app function with its own settings, every event source wired with the statement that lets its service
/// invoke the function for that source only, and convergence: a no-op redeploy makes no mutating call, a change
/// touches one function, a removed handler's wiring is deleted, a lost state file duplicates nothing, a failure at any
/// call of a first deploy is finished by the next, and delete leaves what was not the app's.
/// </summary>
public sealed class MultiFunctionDeployTests : IDisposable
{
    private const string DynamoDBStream = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000";

    // The functions of tests/TestApps/EventsApp as its manifest records them (one pure function stands for its four).
    private static readonly FunctionManifest[] s_functions =
    [
        new ScheduleFunctionManifest("every_five_minutes", "EveryFiveMinutes", "rate(5 minutes)", "Counts what is waiting"),
        new ScheduleFunctionManifest("Nightly", "Nightly", "cron(0 3 * * ? *)", null),
        new S3FunctionManifest("Resize", "Resize", "uploads", ["s3:ObjectCreated:*"], "photos/", ".jpg"),
        new SqsFunctionManifest("ProcessOrders", "ProcessOrders", "orders", null, 10, 1, null, ReportsBatchItemFailures: true),
        new SnsFunctionManifest("alert", "Alert", "alerts"),
        new CloudWatchEventFunctionManifest("InstanceStopped", "InstanceStopped",
            """{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["stopped"]}}"""),
        new KinesisFunctionManifest("Clicks", "Clicks", "clicks", 500, "TRIM_HORIZON", 0, ReportsBatchItemFailures: true),
        new DynamoDBFunctionManifest("OrderChanges", "OrderChanges", DynamoDBStream, 100, "LATEST", 0, ReportsBatchItemFailures: true),
        new PureFunctionManifest("add", "Add"),
    ];

    private readonly InMemoryStage _stage = new();
    private readonly string _queueArn;
    private readonly string _topicArn;

    public MultiFunctionDeployTests()
    {
        _stage.Functions = s_functions;
        _queueArn = Aws.FakeSqs.CreateQueue("orders");
        _topicArn = Aws.FakeSns.CreateTopic("alerts");
        Aws.FakeS3.CreateBucket("uploads");
    }

    private InMemoryAws Aws => _stage.Aws;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_deploy_makes_a_Lambda_function_per_app_function_named_as_Chalice_names_them()
    {
        _stage.ConfigJson = """
            { "app_name": "s3test", "environment_variables": { "GREETING": "hello" },
              "stages": { "dev": { "lambda_functions": { "add": { "lambda_memory_size": 512, "lambda_timeout": 5,
                "environment_variables": { "GREETING": "hi" }, "tags": { "team": "math" }, "reserved_concurrency": 2 } } } } }
            """;

        await _stage.DeployAsync();

        Assert.Equal(
            new[] { "s3test-dev" }.Concat(s_functions.Select(f => $"s3test-dev-{f.Name}")).Order(StringComparer.Ordinal),
            Aws.FakeLambda.FunctionNames.Order(StringComparer.Ordinal));
        var api = Aws.FakeLambda.Inspect("s3test-dev");
        var add = Aws.FakeLambda.Inspect("s3test-dev-add");
        // The managed runtime: the handler stays the assembly's name and CHALICE_FUNCTION selects the function
        // (Chalice.Lambda.LambdaFunctionSelector); the API has no such variable.
        Assert.Equal("S3Test", add.Configuration.Handler);
        Assert.Equal(new Dictionary<string, string> { ["GREETING"] = "hi", ["CHALICE_FUNCTION"] = "add" }, add.Configuration.Environment!.Variables);
        Assert.Equal(new Dictionary<string, string> { ["GREETING"] = "hello" }, api.Configuration.Environment!.Variables);
        Assert.Equal((512, 5), (add.Configuration.MemorySize, add.Configuration.Timeout));
        Assert.Equal((128, 60), (api.Configuration.MemorySize, api.Configuration.Timeout));
        Assert.Equal("math", add.Tags!["team"]);
        Assert.Equal("app=s3test:stage=dev", add.Tags![ResourceNames.TagKey]);
        Assert.False(api.Tags!.ContainsKey("team"));
        Assert.Equal(2, add.Concurrency?.ReservedConcurrentExecutions);
        // Each function runs as a role of its own, named as the function (Chalice's name for a function's own role).
        Assert.Equal("arn:aws:iam::123456789012:role/s3test-dev", api.Configuration.Role);
        Assert.Equal("arn:aws:iam::123456789012:role/s3test-dev-add", add.Configuration.Role);
        Assert.Equal(api.Configuration.CodeSha256, add.Configuration.CodeSha256);

        var state = _stage.Store.Load("dev")!;
        Assert.Equal("s3test-dev-every_five_minutes", state.Find<DeployedFunction>("every_five_minutes")!.FunctionName);
    }

    [Fact]
    public async Task A_function_with_its_own_iam_role_arn_runs_as_that_role_and_the_others_as_their_own()
    {
        var own = await Aws.Iam.CreateRoleAsync(new Chalice.Deploy.Aws.Iam.CreateRoleRequest { RoleName = "billing", AssumeRolePolicyDocument = RolePlanner.TrustPolicy }, Cancel);
        _stage.ConfigJson = $$"""
            { "app_name": "s3test", "lambda_functions": { "add": { "manage_iam_role": false, "iam_role_arn": "{{own.Arn}}" } }, "stages": { "dev": { } } }
            """;

        await _stage.DeployAsync();

        Assert.Equal(own.Arn, Aws.FakeLambda.Inspect("s3test-dev-add").Configuration.Role);
        Assert.Equal((await Aws.Iam.GetRoleAsync("s3test-dev-Nightly", Cancel))!.Arn, Aws.FakeLambda.Inspect("s3test-dev-Nightly").Configuration.Role);
        Assert.Null(await Aws.Iam.GetRoleAsync("s3test-dev-add", Cancel));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task On_provided_al2023_each_function_is_selected_by_its_handler_setting()
    {
        _stage.UseCustomRuntime();

        await _stage.DeployAsync();

        Assert.Equal("bootstrap", Aws.FakeLambda.Inspect("s3test-dev").Configuration.Handler);
        var resize = Aws.FakeLambda.Inspect("s3test-dev-Resize").Configuration;
        Assert.Equal("Resize", resize.Handler);
        Assert.False(resize.Environment?.Variables?.ContainsKey("CHALICE_FUNCTION") ?? false);
    }

    [Fact]
    public async Task Every_event_source_is_wired_to_its_function_with_a_permission_scoped_to_the_source()
    {
        var (result, _) = await _stage.DeployAsync();
        string Arn(string function) => Aws.FakeLambda.Inspect($"s3test-dev-{function}").Configuration.FunctionArn!;

        // Schedules and the pattern: a rule each, the function its one target, EventBridge allowed for that rule only
        // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-lambda-permissions).
        var schedule = (await Aws.EventBridge.DescribeRuleAsync("s3test-dev-every_five_minutes-event", Cancel))!;
        Assert.Equal(("rate(5 minutes)", "Counts what is waiting", "ENABLED"), (schedule.ScheduleExpression, schedule.Description, schedule.State));
        Assert.Equal("cron(0 3 * * ? *)", (await Aws.EventBridge.DescribeRuleAsync("s3test-dev-Nightly-event", Cancel))!.ScheduleExpression);
        var pattern = (await Aws.EventBridge.DescribeRuleAsync("s3test-dev-InstanceStopped-event", Cancel))!;
        Assert.True(PolicyJson.Same(((CloudWatchEventFunctionManifest)s_functions[5]).EventPattern, pattern.EventPattern));
        var target = Assert.Single(await Aws.EventBridge.ListTargetsByRuleAsync("s3test-dev-every_five_minutes-event", Cancel));
        Assert.Equal(Arn("every_five_minutes"), target.Arn);
        Assert.True(Aws.FakeLambda.GrantsInvoke(Arn("every_five_minutes"), "events.amazonaws.com", schedule.Arn!));
        Assert.True(Aws.FakeLambda.GrantsInvoke(Arn("InstanceStopped"), "events.amazonaws.com", pattern.Arn!));

        // SQS, Kinesis and DynamoDB: mappings with the handler's settings; partial batch failures reported
        // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
        var sqs = Assert.Single(await Aws.Lambda.ListEventSourceMappingsAsync("s3test-dev-ProcessOrders", null, Cancel));
        Assert.Equal((_queueArn, 10, 1), (sqs.EventSourceArn, sqs.BatchSize, sqs.MaximumBatchingWindowInSeconds));
        Assert.Equal(["ReportBatchItemFailures"], sqs.FunctionResponseTypes);
        var kinesis = Assert.Single(await Aws.Lambda.ListEventSourceMappingsAsync("s3test-dev-Clicks", null, Cancel));
        // Chalice's ARN of a stream named by name: arn:{partition}:kinesis:{region}:{account}:stream/{name}.
        Assert.Equal(("arn:aws:kinesis:us-east-1:123456789012:stream/clicks", 500, "TRIM_HORIZON"),
            (kinesis.EventSourceArn, kinesis.BatchSize, kinesis.StartingPosition));
        var dynamo = Assert.Single(await Aws.Lambda.ListEventSourceMappingsAsync("s3test-dev-OrderChanges", null, Cancel));
        Assert.Equal((DynamoDBStream, 100, "LATEST"), (dynamo.EventSourceArn, dynamo.BatchSize, dynamo.StartingPosition));

        // SNS: a lambda subscription, and SNS allowed for that topic only.
        var subscription = Assert.Single(await Aws.Sns.ListSubscriptionsByTopicAsync(_topicArn, Cancel));
        Assert.Equal(("lambda", Arn("alert")), (subscription.Protocol, subscription.Endpoint));
        Assert.True(Aws.FakeLambda.GrantsInvoke(Arn("alert"), "sns.amazonaws.com", _topicArn));

        // S3: the function's entry with its events and key filter, and S3 allowed for that bucket and account.
        var entry = Assert.Single((await Aws.S3.GetBucketNotificationConfigurationAsync("uploads", cancellationToken: Cancel)).LambdaFunctions);
        Assert.Equal((Arn("Resize"), "photos/", ".jpg"), (entry.LambdaFunctionArn, entry.Rule("prefix"), entry.Rule("suffix")));
        Assert.Equal(["s3:ObjectCreated:*"], entry.Events);
        var s3Statement = Assert.Single(Aws.FakeLambda.Statements("s3test-dev-Resize"));
        Assert.Equal("arn:aws:s3:::uploads", s3Statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>());
        Assert.Equal(InMemoryAws.Account, s3Statement["Condition"]!["StringEquals"]!["AWS:SourceAccount"]!.GetValue<string>());

        // A pure function has no source and no statement.
        Assert.Empty(Aws.FakeLambda.Statements("s3test-dev-add"));
        Assert.Equal(
            ["every_five_minutes-event", "Nightly-event", "InstanceStopped-event", "ProcessOrders-sqs-event-source", "Clicks-kinesis-event-source",
             "OrderChanges-dynamodb-event-source", "alert-sns-subscription", "Resize-s3event"],
            result.State.Resources.Where(r => r is not DeployedFunction and not DeployedRole and not DeployedRestApi and not DeployedPermission).Select(r => r.Name));
    }

    [Fact]
    public async Task Each_polling_functions_role_lets_Lambda_poll_its_own_queue_or_stream_and_nothing_more()
    {
        await _stage.DeployAsync();

        JsonArray Statements(string role) => JsonNode.Parse(Aws.FakeIam.InlinePolicies(role)[role])!["Statement"]!.AsArray();
        string[] Actions(string role, string resource) =>
            [.. Statements(role).Where(s => s!["Resource"]!.GetValue<string>() == resource).SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>()))];
        // https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html ("Execution role permissions")
        Assert.Equal(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Actions("s3test-dev-ProcessOrders", _queueArn));
        // https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-create.html
        Assert.Equal(
            ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:SubscribeToShard"],
            Actions("s3test-dev-Clicks", "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"));
        // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-example-lamda-process-dynamodb-streams.html
        Assert.Equal(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
            Actions("s3test-dev-OrderChanges", "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/*"));
        // The function's inferred statement is kept, first; the functions that poll nothing get nothing more.
        Assert.Equal("arn:aws:s3:::ippevent-public/*", Statements("s3test-dev-ProcessOrders")[0]!["Resource"]!.GetValue<string>());
        Assert.Empty(Actions("s3test-dev-Clicks", _queueArn));
        Assert.Equal(Statements("s3test-dev-add").ToJsonString(), Statements("s3test-dev").ToJsonString());
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_policy_file_is_the_users_verbatim()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "autogen_policy": false, "iam_policy_file": "policy.json", "stages": { "dev": { } } }""";

        await _stage.DeployAsync();

        Assert.True(PolicyJson.Same(InMemoryStage.Policy, Aws.FakeIam.InlinePolicies("s3test-dev")["s3test-dev"]));
    }

    [Fact]
    public async Task A_redeploy_of_an_unchanged_multi_function_app_makes_no_mutating_call()
    {
        var (first, firstCalls) = await _stage.DeployAsync();

        var (second, calls) = await _stage.DeployAsync();

        Assert.Equal(0, calls.MutatingCalls);
        Assert.Equal(first.State.Resources, second.State.Resources);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"first deploy: {firstCalls.ReadCalls} reads, {firstCalls.MutatingCalls} mutating; no-op: {calls.ReadCalls} reads");
    }

    [Fact]
    public async Task A_changed_setting_of_one_function_updates_only_that_function()
    {
        await _stage.DeployAsync();
        _stage.ConfigJson = """{ "app_name": "s3test", "lambda_functions": { "alert": { "lambda_timeout": 10 } }, "stages": { "dev": { } } }""";

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(["Lambda UpdateFunctionConfiguration"], calls.MutatingOperations);
        Assert.Equal(10, Aws.FakeLambda.Inspect("s3test-dev-alert").Configuration.Timeout);
        Assert.Equal(60, Aws.FakeLambda.Inspect("s3test-dev-Nightly").Configuration.Timeout);
    }

    [Fact]
    public async Task A_changed_event_source_setting_updates_the_source_in_place()
    {
        await _stage.DeployAsync();
        _stage.Functions = [.. s_functions.Select(f => f switch
        {
            SqsFunctionManifest sqs => sqs with { BatchSize = 5, MaximumConcurrency = 4 },
            ScheduleFunctionManifest { Name: "Nightly" } nightly => nightly with { Expression = "cron(0 4 * * ? *)" },
            _ => f,
        })];

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(["EventBridge PutRule", "Lambda UpdateEventSourceMapping"], calls.MutatingOperations);
        var mapping = Assert.Single(await Aws.Lambda.ListEventSourceMappingsAsync("s3test-dev-ProcessOrders", null, Cancel));
        Assert.Equal((5, 4), (mapping.BatchSize, mapping.ScalingConfig?.MaximumConcurrency));
        Assert.Equal("cron(0 4 * * ? *)", (await Aws.EventBridge.DescribeRuleAsync("s3test-dev-Nightly-event", Cancel))!.ScheduleExpression);
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_removed_handlers_function_and_wiring_are_deleted_on_the_next_deploy()
    {
        var preExisting = await AddForeignNotificationAsync();
        await _stage.DeployAsync();
        _stage.Functions = [s_functions[8]];

        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(["s3test-dev", "s3test-dev-add"], Aws.FakeLambda.FunctionNames.Order(StringComparer.Ordinal));
        Assert.Empty(await Aws.EventBridge.ListRulesAsync("s3test-dev", Cancel));
        Assert.Empty(await Aws.Lambda.ListEventSourceMappingsAsync(null, null, Cancel));
        Assert.Empty(await Aws.Sns.ListSubscriptionsByTopicAsync(_topicArn, Cancel));
        Assert.Empty((await Aws.S3.GetBucketNotificationConfigurationAsync("uploads", cancellationToken: Cancel)).LambdaFunctions);
        Assert.Equal(preExisting, await ForeignEntryAsync());
        Assert.Equal(["default-role", "add_role", "api_handler", "add", "rest_api", "api_handler_invoke_permission"], result.State.Resources.Select(r => r.Name));
        Assert.Equal(8, calls.MutatingOperations.Count(o => o == "Lambda DeleteFunction"));
        // The removed functions' roles go with them.
        Assert.Equal(8, calls.MutatingOperations.Count(o => o == "IAM DeleteRole"));
        Assert.Equal(["s3test-dev", "s3test-dev-add"], Aws.FakeIam.RoleNames.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_lost_state_file_finds_every_function_and_source_again_instead_of_duplicating_it()
    {
        var (first, _) = await _stage.DeployAsync();
        _stage.Store.Delete("dev");

        var (second, calls) = await _stage.DeployAsync();

        // Only the REST API's definition is put again (its deployed hash was in the lost file).
        Assert.Equal(["API Gateway PutRestApi", "API Gateway CreateDeployment"], calls.MutatingOperations);
        Assert.Equal(first.State.Resources.Select(r => r.Name).Order(StringComparer.Ordinal), second.State.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
        await AssertOneOfEachSourceAsync();
    }

    [Fact]
    public async Task Delete_removes_everything_the_app_made_and_keeps_the_buckets_other_notifications()
    {
        var preExisting = await AddForeignNotificationAsync();
        await _stage.DeployAsync();

        var (deleted, calls) = await _stage.DeleteAsync();

        Assert.Empty(Aws.FakeLambda.FunctionNames);
        Assert.Empty(Aws.FakeIam.RoleNames);
        Assert.Empty(await Aws.EventBridge.ListRulesAsync("s3test-dev", Cancel));
        Assert.Empty(await Aws.Lambda.ListEventSourceMappingsAsync(null, null, Cancel));
        Assert.Empty(await Aws.Sns.ListSubscriptionsByTopicAsync(_topicArn, Cancel));
        Assert.Empty((await Aws.S3.GetBucketNotificationConfigurationAsync("uploads", cancellationToken: Cancel)).LambdaFunctions);
        Assert.Equal(preExisting, await ForeignEntryAsync());
        Assert.Contains("EventBridge rule s3test-dev-Nightly-event", deleted);
        Assert.Null(_stage.Store.Load("dev"));
        TestContext.Current.TestOutputHelper?.WriteLine($"delete: {calls.ReadCalls} reads, {calls.MutatingCalls} mutating");
    }

    public static TheoryData<string> FirstDeployCalls => new(
        "IAM CreateRole", "Lambda CreateFunction", "EventBridge PutRule", "EventBridge PutTargets", "Lambda AddPermission",
        "Lambda CreateEventSourceMapping", "SNS Subscribe", "S3 PutBucketNotificationConfiguration");

    [Theory]
    [MemberData(nameof(FirstDeployCalls))]
    public async Task A_first_deploy_failing_at_any_call_is_finished_by_the_next_with_no_duplicate_and_no_orphan(string operation)
    {
        var (_, clean) = await new MultiFunctionDeployTests().CountFirstDeployAsync();
        var occurrences = clean.MutatingOperations.Count(o => o == operation);
        Assert.True(occurrences > 0, $"{operation} is not a call of a first deploy");
        for (var k = 0; k < occurrences; k++)
        {
            using var test = new MultiFunctionDeployTests();
            test.Aws.Inject(operation, InjectedFault.ServiceUnavailable, skip: k);

            await Assert.ThrowsAsync<AwsServiceException>(() => test._stage.DeployAsync());
            await test._stage.DeployAsync();

            await test.AssertOneOfEachSourceAsync();
            Assert.Equal(0, (await test._stage.DeployAsync()).Calls.MutatingCalls);
            await test._stage.DeleteAsync();
            Assert.Empty(test.Aws.FakeLambda.FunctionNames);
            Assert.Empty(await test.Aws.EventBridge.ListRulesAsync("s3test-dev", Cancel));
            Assert.Empty(await test.Aws.Lambda.ListEventSourceMappingsAsync(null, null, Cancel));
            Assert.Empty(await test.Aws.Sns.ListSubscriptionsByTopicAsync(test._topicArn, Cancel));
            Assert.Empty((await test.Aws.S3.GetBucketNotificationConfigurationAsync("uploads", cancellationToken: Cancel)).LambdaFunctions);
        }
    }

    [Theory]
    [InlineData("Lambda CreateEventSourceMapping")]
    [InlineData("Lambda AddPermission")]
    [InlineData("SNS Subscribe")]
    public async Task A_create_whose_answer_was_lost_is_read_back_not_made_twice(string creating)
    {
        Aws.Inject(creating, InjectedFault.AnswerLost);

        await _stage.DeployAsync();

        await AssertOneOfEachSourceAsync();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_function_name_too_long_with_the_real_stage_is_one_line_before_any_change()
    {
        _stage.Functions = [new PureFunctionManifest(new string('f', 50), "F")];
        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "production": { } } }""";

        var error = await Assert.ThrowsAsync<ChaliceConfigException>(() => _stage.DeployAsync("production"));

        Assert.Equal(
            $"The function '{new string('f', 50)}' is deployed as 's3test-production-{new string('f', 50)}', 68 characters with the stage 'production'; " +
            "AWS allows 64. Shorten the function, app or stage name.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_named_before_anything_is_deployed()
    {
        _stage.Functions = [new SqsFunctionManifest("jobs", "Jobs", "missing-queue", null, 1, 0, null, false)];

        var error = await Assert.ThrowsAsync<ChaliceConfigException>(() => _stage.DeployAsync());

        Assert.Equal("The SQS queue 'missing-queue' of the function 'jobs' does not exist in us-east-1; create it, or name its ARN (QueueArn).", error.Message);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
    }

    public void Dispose() => _stage.Dispose();

    private async Task<(DeploymentResult Result, AwsCallRecorder Calls)> CountFirstDeployAsync()
    {
        using (this)
            return await _stage.DeployAsync();
    }

    /// <summary>
    /// Another owner's entry in the bucket (an SNS topic's, as S3's documentation shows one:
    /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html), which deploy and delete
    /// must keep as it is.
    /// </summary>
    private async Task<string> AddForeignNotificationAsync()
    {
        XNamespace s3 = BucketNotificationConfiguration.Namespace;
        var foreign = BucketNotificationConfiguration.Parse(new XElement(s3 + "NotificationConfiguration",
            new XElement(s3 + "TopicConfiguration",
                new XElement(s3 + "Id", "audit"),
                new XElement(s3 + "Topic", "arn:aws:sns:us-east-1:123456789012:audit"),
                new XElement(s3 + "Event", "s3:ObjectRemoved:*"))));
        await Aws.S3.PutBucketNotificationConfigurationAsync("uploads", foreign, cancellationToken: Cancel);
        return await ForeignEntryAsync();
    }

    private async Task<string> ForeignEntryAsync() =>
        Assert.Single((await Aws.S3.GetBucketNotificationConfigurationAsync("uploads", cancellationToken: Cancel)).OtherEntries).ToString();

    /// <summary>Exactly one function per app function, one rule, mapping, subscription and entry per source, each wired and recorded.</summary>
    private async Task AssertOneOfEachSourceAsync()
    {
        Assert.Equal(s_functions.Length + 1, Aws.FakeLambda.FunctionNames.Count);
        Assert.Equal(3, (await Aws.EventBridge.ListRulesAsync("s3test-dev", Cancel)).Count);
        foreach (var rule in await Aws.EventBridge.ListRulesAsync("s3test-dev", Cancel))
            Assert.Single(await Aws.EventBridge.ListTargetsByRuleAsync(rule.Name, Cancel));
        Assert.Equal(3, (await Aws.Lambda.ListEventSourceMappingsAsync(null, null, Cancel)).Count);
        Assert.Single(await Aws.Sns.ListSubscriptionsByTopicAsync(_topicArn, Cancel));
        Assert.Single((await Aws.S3.GetBucketNotificationConfigurationAsync("uploads", cancellationToken: Cancel)).LambdaFunctions);
        foreach (var function in new[] { "every_five_minutes", "Nightly", "InstanceStopped", "alert", "Resize" })
            Assert.Single(Aws.FakeLambda.Statements($"s3test-dev-{function}"));
        var state = _stage.Store.Load("dev")!;
        Assert.Equal(s_functions.Length + 1, state.Resources.OfType<DeployedFunction>().Count());
        Assert.Equal(3, state.Resources.OfType<DeployedEventRule>().Count());
        Assert.Equal(3, state.Resources.OfType<DeployedEventSourceMapping>().Count());
        Assert.Single(state.Resources.OfType<DeployedSnsSubscription>());
        Assert.Single(state.Resources.OfType<DeployedS3Notification>());
    }
}
