using System.Net;
using System.Xml.Linq;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Tests.Aws.Moto;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// Where the in-memory account follows AWS and moto does not (so the parity transcripts leave these out): each behaviour
/// with the source it comes from.
/// </summary>
public sealed class InMemoryAwsDepartureTests
{
    private const string Trust =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private readonly InMemoryAws _aws = new();

    private async Task<string> FunctionAsync(string name = "fn")
    {
        var role = await _aws.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name + "-role", AssumeRolePolicyDocument = Trust });
        var created = await _aws.Lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = name, Role = role.Arn, Code = new LambdaFunctionCode { ZipFile = TestZip.Create(name) }, Runtime = "provided.al2023",
        });
        await _aws.LambdaWaiter.WaitUntilActiveAsync(name);
        return created.FunctionArn!;
    }

    private static async Task<AwsServiceException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<AwsServiceException>(call);

    [Fact]
    public async Task A_mapping_is_creating_until_read_and_refuses_changes_meanwhile()
    {
        // The model: State Creating/Enabling/Enabled/…; ResourceInUseException "you tried to update an event source mapping
        // in the CREATING state, or you tried to delete an event source mapping currently UPDATING".
        await FunctionAsync();
        var queue = _aws.FakeSqs.CreateQueue("q");
        _aws.FakeLambda.TransitionReads = 1;

        var created = await _aws.Lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { FunctionName = "fn", EventSourceArn = queue });
        var update = await FailsAsync(() => _aws.Lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { Uuid = created.Uuid, BatchSize = 5 }));
        var delete = await FailsAsync(() => _aws.Lambda.DeleteEventSourceMappingAsync(created.Uuid));
        var settled = await _aws.EventSourceMappingWaiter.WaitUntilStableAsync(created.Uuid);

        Assert.Equal("Creating", created.State);
        Assert.Equal(("ResourceInUseException", HttpStatusCode.BadRequest), (update.ErrorCode, update.StatusCode));
        Assert.Equal("ResourceInUseException", delete.ErrorCode);
        Assert.Equal("Enabled", settled.State);
    }

    [Fact]
    public async Task A_second_mapping_of_the_same_source_to_the_same_function_conflicts()
    {
        // https://github.com/serverless/serverless/issues/8550
        await FunctionAsync();
        var queue = _aws.FakeSqs.CreateQueue("q");
        await _aws.Lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { FunctionName = "fn", EventSourceArn = queue });

        var error = await FailsAsync(() => _aws.Lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { FunctionName = "fn", EventSourceArn = queue }));

        Assert.Equal(("ResourceConflictException", HttpStatusCode.Conflict), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task A_mapping_needs_an_existing_queue_and_no_starting_position_for_it()
    {
        // https://github.com/hashicorp/terraform/issues/26654 and https://github.com/motdotla/node-lambda/issues/466
        await FunctionAsync();
        var queue = _aws.FakeSqs.CreateQueue("q");

        var missing = await FailsAsync(() => _aws.Lambda.CreateEventSourceMappingAsync(
            new CreateEventSourceMappingRequest { FunctionName = "fn", EventSourceArn = queue + "-missing" }));
        var positioned = await FailsAsync(() => _aws.Lambda.CreateEventSourceMappingAsync(
            new CreateEventSourceMappingRequest { FunctionName = "fn", EventSourceArn = queue, StartingPosition = "LATEST" }));

        Assert.Contains("AWS.SimpleQueueService.NonExistentQueue", missing.AwsMessage, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterValueException", missing.ErrorCode);
        Assert.Equal("StartingPosition is not valid for SQS event sources.", positioned.AwsMessage);
    }

    [Fact]
    public async Task Changing_or_deleting_a_mapping_that_does_not_exist_is_not_found()
    {
        // The model lists ResourceNotFoundException (404) for both.
        var update = await FailsAsync(() => _aws.Lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { Uuid = "missing", BatchSize = 5 }));
        var delete = await FailsAsync(() => _aws.Lambda.DeleteEventSourceMappingAsync("missing"));

        Assert.True(update.IsNotFound && delete.IsNotFound);
    }

    [Fact]
    public async Task Put_rule_ignores_the_tags_of_an_existing_rule()
    {
        // The EventBridge model's PutRule: "If you are updating an existing rule, any tags you specify in the PutRule operation are ignored."
        var arn = await _aws.EventBridge.PutRuleAsync(new PutRuleRequest { Name = "r", ScheduleExpression = "rate(1 day)", Tags = new Dictionary<string, string> { ["a"] = "1" } });
        await _aws.EventBridge.PutRuleAsync(new PutRuleRequest { Name = "r", ScheduleExpression = "rate(2 days)", Tags = new Dictionary<string, string> { ["b"] = "2" } });

        Assert.Equal(["a"], (await _aws.EventBridge.ListTagsForResourceAsync(arn)).Keys);
    }

    [Fact]
    public async Task S3_checks_that_the_function_lets_s3_invoke_it_for_the_bucket()
    {
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
        var function = await FunctionAsync();
        _aws.FakeS3.CreateBucket("b");
        var notification = BucketNotificationConfiguration.Empty.WithLambdaFunction(
            new LambdaFunctionNotification { Id = "n", LambdaFunctionArn = function, Events = ["s3:ObjectCreated:*"] });

        var unpermitted = await FailsAsync(() => _aws.S3.PutBucketNotificationConfigurationAsync("b", notification));
        await _aws.Lambda.AddPermissionAsync(new AddPermissionRequest
        {
            FunctionName = "fn", StatementId = "other-bucket", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com", SourceArn = "arn:aws:s3:::other",
        });
        var otherBucket = await FailsAsync(() => _aws.S3.PutBucketNotificationConfigurationAsync("b", notification));
        await _aws.Lambda.AddPermissionAsync(new AddPermissionRequest
        {
            FunctionName = "fn", StatementId = "b", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com", SourceArn = "arn:aws:s3:::b",
            SourceAccount = InMemoryAws.Account,
        });
        await _aws.S3.PutBucketNotificationConfigurationAsync("b", notification);

        Assert.Equal(("InvalidArgument", "Unable to validate the following destination configurations"), (unpermitted.ErrorCode, unpermitted.AwsMessage));
        Assert.Equal("InvalidArgument", otherBucket.ErrorCode);
        Assert.Single((await _aws.S3.GetBucketNotificationConfigurationAsync("b")).LambdaFunctions);
    }

    [Fact]
    public async Task S3_keeps_the_event_bridge_entry_and_answers_rule_names_capitalised()
    {
        // https://github.com/aws/aws-sdk/issues/389 (moto answers them as sent, and drops the EventBridge entry).
        _aws.FakeS3.CreateBucket("b");
        var configuration = BucketNotificationConfiguration.Parse(XElement.Parse(
            """<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:123456789012:q</Queue>""" +
            """<Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name><Value>in/</Value></FilterRule></S3Key></Filter></QueueConfiguration>""" +
            "<EventBridgeConfiguration/></NotificationConfiguration>"));

        await _aws.S3.PutBucketNotificationConfigurationAsync("b", configuration);
        var read = await _aws.S3.GetBucketNotificationConfigurationAsync("b");

        Assert.Equal(["QueueConfiguration", "EventBridgeConfiguration"], read.OtherEntries.Select(e => e.Name.LocalName));
        Assert.Equal("Prefix", read.OtherEntries[0].Descendants().Single(e => e.Name.LocalName == "Name").Value);
        Assert.Single(read.OtherEntries[0].Elements(), e => e.Name.LocalName == "Id");
    }

    [Fact]
    public async Task Log_retention_takes_only_the_periods_cloud_watch_logs_offers()
    {
        // The CloudWatch Logs model's Days: 1, 3, 5, 7, 14, 30, 60, 90, … 3653.
        await _aws.Logs.CreateLogGroupAsync("/aws/lambda/fn");

        var error = await FailsAsync(() => _aws.Logs.PutRetentionPolicyAsync("/aws/lambda/fn", 8));
        await _aws.Logs.PutRetentionPolicyAsync("/aws/lambda/fn", 14);

        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Equal(14, (await _aws.Logs.DescribeLogGroupsAsync("/aws/lambda/fn")).Single().RetentionInDays);
    }
}
