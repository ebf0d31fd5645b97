using System.Text;
using System.Text.Json;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>SQS and SNS events read as Chalice's <c>SQSRecord</c> and <c>SNSEvent</c> do, from AWS's samples.</summary>
public sealed class MessageEventTests
{
    [Fact]
    public void SQS_message_body_and_attributes()
    {
        var sqsEvent = LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText("events/sqs-event.json"));

        var message = Assert.Single(sqsEvent.Records);
        Assert.Equal("MessageID_1", message.MessageId);
        Assert.Equal("MessageReceiptHandle", message.ReceiptHandle);
        Assert.Equal("Message Body", message.Body);
        Assert.Equal("2", message.Attributes!["ApproximateReceiveCount"]);
        Assert.Equal("arn:aws:sqs:us-west-2:123456789012:SQSQueue", message.EventSourceArn);

        // Binary attributes travel as base64 and arrive as bytes: "MTEwMA==" is "1100".
        var binary = message.MessageAttributes!["Attribute3"];
        Assert.Equal("Binary", binary.DataType);
        Assert.Equal("1100"u8.ToArray(), binary.BinaryValue);
        Assert.Equal([[(byte)'0'], [(byte)'1'], [(byte)'0']], binary.BinaryListValues!);
        Assert.Equal(["abc", "123"], binary.StringListValues!);
        Assert.Equal("123", message.MessageAttributes["Attribute2"].StringValue);
        Assert.Empty(message.MessageAttributes["Attribute1"].StringListValues!);
    }

    [Fact]
    public void SQS_body_text_survives_a_round_trip_exactly()
    {
        var sqsEvent = LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText("events/sqs-event.json"));
        const string body = "{\"order\":\"n°42\",\"note\":\"<b>\\\"quoted\\\" & 'single'</b>\",\"emoji\":\"🌴\"}\r\n";
        sqsEvent.Records[0].Body = body;

        var reread = LambdaEventJson.Parse<SqsEvent>(LambdaEventJson.Serialize(sqsEvent));

        Assert.Equal(body, reread.Records[0].Body);
    }

    [Fact]
    public void An_SQS_event_without_its_message_id_is_rejected_with_the_missing_members()
    {
        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SqsEvent>("""{"Records":[{"body":"x"}]}"""));

        Assert.Contains("'messageId', 'receiptHandle'", error.Message);
    }

    [Fact]
    public void SNS_message_and_subject_of_the_first_record()
    {
        var snsEvent = LambdaEventJson.Parse<SnsEvent>(SharedFixtures.ReadText("events/sns-event.json"));

        Assert.Equal("Hello from SNS!", snsEvent.Message);
        Assert.Equal("TestInvoke", snsEvent.Subject);
        var sns = Assert.Single(snsEvent.Records).Sns;
        Assert.Equal("arn:aws:sns:EXAMPLE", sns.TopicArn);
        Assert.Equal(new DateTime(2015, 6, 3, 17, 43, 27, 123, DateTimeKind.Utc), sns.Timestamp);
        Assert.Equal("TestBinary", sns.MessageAttributes!["TestBinary"].Value);
        Assert.Equal("Binary", sns.MessageAttributes["TestBinary"].Type);
    }

    [Fact]
    public void SNS_timestamp_is_written_with_milliseconds_as_SNS_sends_it()
    {
        // SNS sends "Timestamp": "2015-06-03T17:43:27.123Z" (shared/fixtures/events/sns-event.json): three digits,
        // which System.Text.Json alone would trim (27.1Z for 27.100Z).
        var snsEvent = LambdaEventJson.Parse<SnsEvent>(SharedFixtures.ReadText("events/sns-event.json"));
        snsEvent.Records[0].Sns.Timestamp = new DateTime(2015, 6, 3, 17, 43, 27, 100, DateTimeKind.Utc);

        var written = System.Text.Json.Nodes.JsonNode.Parse(LambdaEventJson.Serialize(snsEvent))!["Records"]![0]!["Sns"]!["Timestamp"]!;

        Assert.Equal("2015-06-03T17:43:27.100Z", written.GetValue<string>());
    }

    [Fact]
    public void An_SNS_message_without_subject_has_a_null_subject()
    {
        var json = SharedFixtures.ReadText("events/sns-event.json").Replace("\"Subject\": \"TestInvoke\"", "\"Subject\": null", StringComparison.Ordinal);

        var snsEvent = LambdaEventJson.Parse<SnsEvent>(Encoding.UTF8.GetBytes(json));

        Assert.Null(snsEvent.Subject);
        Assert.Equal("Hello from SNS!", snsEvent.Message);
    }

    [Fact]
    public void An_SNS_event_with_no_records_says_so()
    {
        var snsEvent = LambdaEventJson.Parse<SnsEvent>("""{"Records":[]}""");

        Assert.Equal("The SNS event has no records.", Assert.Throws<InvalidOperationException>(() => snsEvent.Message).Message);
    }
}
