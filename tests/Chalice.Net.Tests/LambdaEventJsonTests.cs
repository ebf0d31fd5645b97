using System.Text.Json;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>The entry point for reading and writing event-source events: what it refuses, and how it says so.</summary>
public sealed class LambdaEventJsonTests
{
    [Fact]
    public void A_type_it_does_not_know_is_refused_with_what_to_do_instead()
    {
        var error = Assert.Throws<NotSupportedException>(() => LambdaEventJson.Parse<ApiGatewayProxyRequest>("{}"));

        Assert.Equal(
            "ApiGatewayProxyRequest is not a Lambda event or response type Chalice.Net knows; read it with your app's JsonSerializerContext.",
            error.Message);
        // A typed detail is the app's type: its metadata is in the app's context, not ours.
        Assert.Equal(
            "EventBridgeEvent<S3ObjectDetail> is not a Lambda event or response type Chalice.Net knows; read it with your app's JsonSerializerContext.",
            Assert.Throws<NotSupportedException>(() => LambdaEventJson.Serialize(new EventBridgeEvent<S3ObjectDetail>())).Message);
    }

    [Fact]
    public void Null_is_not_an_event()
    {
        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SqsEvent>("null"u8));

        Assert.Equal("A SqsEvent cannot be null.", error.Message);
    }

    [Fact]
    public void Every_event_type_requires_what_AWS_always_sends()
    {
        Assert.Contains("'Records'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<S3Event>("{}")).Message);
        Assert.Contains("'Records'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SqsEvent>("{}")).Message);
        Assert.Contains("'Records'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SnsEvent>("{}")).Message);
        Assert.Contains("'Records'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<KinesisEvent>("{}")).Message);
        Assert.Contains("'Records'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<DynamoDBEvent>("{}")).Message);
        Assert.Contains("'version', 'id', 'detail-type'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<EventBridgeEvent>("{}")).Message);
        Assert.Contains("'type', 'methodArn'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<ApiGatewayAuthorizerRequest>("{}")).Message);
        Assert.Contains("'version', 'type', 'routeArn'", Assert.Throws<JsonException>(() => LambdaEventJson.Parse<HttpApiV2AuthorizerRequest>("{}")).Message);
        Assert.Contains("'Message'", Assert.Throws<JsonException>(() =>
            LambdaEventJson.Parse<SnsEvent>("""{"Records":[{"Sns":{"MessageId":"m","TopicArn":"t"}}]}""")).Message);
        Assert.Contains("'sequenceNumber', 'data'", Assert.Throws<JsonException>(() =>
            LambdaEventJson.Parse<KinesisEvent>("""{"Records":[{"kinesis":{"partitionKey":"p"}}]}""")).Message);
        Assert.Contains("'Keys', 'SequenceNumber'", Assert.Throws<JsonException>(() =>
            LambdaEventJson.Parse<DynamoDBEvent>("""{"Records":[{"eventID":"e","eventName":"INSERT","dynamodb":{}}]}""")).Message);
    }

    [Fact]
    public void An_event_built_in_code_starts_empty_not_null()
    {
        // Handlers' tests build events; what they leave out is empty, and a scheduled event's detail is {} as AWS sends it.
        var scheduled = new EventBridgeEvent();
        Assert.Equal("{}", scheduled.Detail.ToJsonString());
        Assert.Empty(new SqsEvent().Records);
        Assert.Equal("", new SqsMessage().Body);
        Assert.Equal("", new DynamoDBEventRecord().DynamoDB.SequenceNumber);
    }

    [Theory]
    [InlineData("events/s3-event.json")]
    [InlineData("events/aws-lambda-dotnet/scheduled-event.json")]
    [InlineData("events/kinesis-event.json")]
    public void Another_sources_event_is_not_an_SQS_event(string fixture)
    {
        // The dispatcher will turn this into the clear error a mismatched invocation gets.
        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText(fixture)));

        Assert.Contains("missing required properties", error.Message);
    }
}
