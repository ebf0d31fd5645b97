using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Aws.Sqs;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Aws.Clients;

/// <summary>What the event source clients add to the wire: failed target entries, ARNs of names, policy statements.</summary>
public sealed class EventSourceClientTests
{
    private const string JsonType = "application/x-amz-json-1.1";

    [Fact]
    public async Task Targets_eventbridge_rejects_in_a_200_answer_are_an_error()
    {
        // PutTargets answers 200 and lists the targets it could not add (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html).
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, """{"FailedEntryCount":1,"FailedEntries":[{"TargetId":"1","ErrorCode":"ConcurrentModificationException","ErrorMessage":"Rule was modified"}]}""", JsonType)
            .Then(HttpStatusCode.OK, """{"FailedEntryCount":0,"FailedEntries":[]}""", JsonType);
        using var clients = ModelConformanceTests.LocalClients(handler);
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.EventBridge.PutTargetsAsync("r", [new EventBridgeTarget { Id = "1", Arn = "arn:aws:lambda:us-east-1:123456789012:function:f" }], ct));
        await clients.EventBridge.RemoveTargetsAsync("r", ["1"], ct);

        Assert.Equal("ConcurrentModificationException", error.ErrorCode);
        Assert.Equal("EventBridge PutTargets failed: ConcurrentModificationException: target 1: Rule was modified (failed targets: 1) (HTTP 200)", error.Message);
        Assert.Equal(["AWSEvents.PutTargets", "AWSEvents.RemoveTargets"], handler.Requests.Select(r => r.Headers["X-Amz-Target"]));
        ModelConformance.AssertConform(handler.Requests);
    }

    [Theory]
    [InlineData("uploads", "us-east-1", "arn:aws:sns:us-east-1:123456789012:uploads")]
    [InlineData("uploads", "cn-north-1", "arn:aws-cn:sns:cn-north-1:123456789012:uploads")]
    [InlineData("uploads", "us-gov-west-1", "arn:aws-us-gov:sns:us-gov-west-1:123456789012:uploads")]
    [InlineData("arn:aws:sns:eu-west-1:210987654321:theirs", "us-east-1", "arn:aws:sns:eu-west-1:210987654321:theirs")]
    public void A_topic_name_becomes_the_arn_chalice_builds_and_an_arn_stays(string topic, string region, string expected)
    {
        Assert.Equal(expected, SnsTopicArn.Resolve(topic, region, "123456789012"));
        Assert.Equal(expected.Split(':')[^1], SnsTopicArn.Name(expected));
    }

    [Fact]
    public async Task A_queue_name_is_resolved_through_sqs_and_an_arn_is_taken_as_is()
    {
        var aws = new InMemoryAws();
        var arn = aws.FakeSqs.CreateQueue("orders");
        var calls = aws.CountCalls();

        Assert.Equal(arn, await SqsQueueArn.ResolveAsync(aws.Sqs, "orders"));
        Assert.Equal(2, calls.ReadCalls);
        Assert.Equal("arn:aws:sqs:eu-west-1:210987654321:theirs", await SqsQueueArn.ResolveAsync(aws.Sqs, "arn:aws:sqs:eu-west-1:210987654321:theirs"));
        Assert.Equal(2, calls.ReadCalls);
        Assert.Null(await SqsQueueArn.ResolveAsync(aws.Sqs, "missing"));
        Assert.Equal("orders", SqsQueueArn.Name(arn));
    }

    [Fact]
    public void Policy_statements_are_read_with_their_principal_and_conditions()
    {
        var policy = new LambdaPolicy("""
            {"Version":"2012-10-17","Id":"default","Statement":[
              {"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:f",
               "Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b"}}},
              {"Sid":"rule","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:f",
               "Condition":{"ArnEquals":{"AWS:SourceArn":"arn:aws:events:us-east-1:123456789012:rule/r"}}},
              {"Sid":"any","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"lambda:InvokeFunction","Resource":"arn:f"}]}
            """, "rev");

        Assert.Equal(
            [
                new LambdaPolicyStatement("s3", "Allow", "s3.amazonaws.com", "lambda:InvokeFunction", "arn:aws:s3:::b", "123456789012"),
                new LambdaPolicyStatement("rule", "Allow", "events.amazonaws.com", "lambda:InvokeFunction", "arn:aws:events:us-east-1:123456789012:rule/r", null),
                new LambdaPolicyStatement("any", "Allow", "arn:aws:iam::210987654321:root", "lambda:InvokeFunction", null, null),
            ],
            policy.Statements);
        Assert.Empty(new LambdaPolicy("{not json", null).Statements);
        Assert.Single(new LambdaPolicy("""{"Statement":{"Sid":"one","Principal":"*"}}""", null).Statements, s => s.Principal == "*");
    }
}
