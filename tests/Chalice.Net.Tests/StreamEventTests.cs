using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// Kinesis and DynamoDB stream events read as Chalice's <c>KinesisRecord</c> and <c>DynamoDBRecord</c> do, from AWS's
/// samples: the data decoded from base64, the times from seconds since the epoch, the images and the table name.
/// </summary>
public sealed class StreamEventTests
{
    [Fact]
    public void Kinesis_data_is_decoded_from_base_64()
    {
        var kinesisEvent = LambdaEventJson.Parse<KinesisEvent>(SharedFixtures.ReadText("events/kinesis-event.json"));

        Assert.Equal(2, kinesisEvent.Records.Count);
        var record = kinesisEvent.Records[0].Kinesis;
        Assert.Equal("Hello World", Encoding.UTF8.GetString(record.Data)); // "SGVsbG8gV29ybGQ="
        Assert.Equal("s1", record.PartitionKey);
        Assert.Equal("49568167373333333333333333333333333333333333333333333333", record.SequenceNumber);
        // 1480641523.477 seconds since the epoch, to the millisecond.
        Assert.Equal(new DateTime(2016, 12, 2, 1, 18, 43, 477, DateTimeKind.Utc), record.ApproximateArrivalTimestamp);
        Assert.Equal(DateTimeKind.Utc, record.ApproximateArrivalTimestamp!.Value.Kind);
    }

    [Theory]
    [InlineData("1480641523.477")]
    [InlineData("1480641523")]
    [InlineData("1700000000.1234567")] // DateTime's resolution: 100 ns
    [InlineData("0.5")]
    public void Epoch_seconds_are_written_back_digit_for_digit(string seconds)
    {
        var json = JsonNode.Parse(SharedFixtures.ReadText("events/kinesis-event.json"))!;
        json["Records"]![0]!["kinesis"]!["approximateArrivalTimestamp"] = JsonNode.Parse(seconds);

        var written = JsonNode.Parse(LambdaEventJson.Serialize(LambdaEventJson.Parse<KinesisEvent>(json.ToJsonString())))!;

        // The number's text as written, not its value: 1480641523 must not come back as 1480641523.0.
        Assert.Equal(seconds, written["Records"]![0]!["kinesis"]!["approximateArrivalTimestamp"]!.ToJsonString());
    }

    [Fact]
    public void A_time_that_is_not_a_number_is_rejected()
    {
        var json = JsonNode.Parse(SharedFixtures.ReadText("events/kinesis-event.json"))!;
        json["Records"]![0]!["kinesis"]!["approximateArrivalTimestamp"] = "2016-12-02T01:18:43Z";

        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<KinesisEvent>(json.ToJsonString()));
        Assert.Contains("seconds since the Unix epoch", error.Message);
    }

    [Fact]
    public void DynamoDB_record_keys_images_and_table()
    {
        var dynamoEvent = LambdaEventJson.Parse<DynamoDBEvent>(SharedFixtures.ReadText("events/dynamodb-event.json"));

        var record = dynamoEvent.Records[0];
        Assert.Equal("INSERT", record.EventName);
        Assert.Equal("Example-Table", record.TableName);
        Assert.Equal("dynamodb.amazonaws.com", record.UserIdentity!.PrincipalId);
        Assert.Equal("1405400000000002063282832", record.DynamoDB.SequenceNumber);
        Assert.Equal(54, record.DynamoDB.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", record.DynamoDB.StreamViewType);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1480642020), record.DynamoDB.ApproximateCreationDateTime);
        Assert.Equal("binary", record.DynamoDB.Keys["key"].AsString());
        Assert.Equal("data", record.DynamoDB.NewImage!["val"].AsString());
        Assert.Null(record.DynamoDB.OldImage);
        // A whole number of seconds stays a whole number on the wire.
        Assert.Contains("\"ApproximateCreationDateTime\":1480642020,", Encoding.UTF8.GetString(LambdaEventJson.Serialize(dynamoEvent)));
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:us-west-2:12345:table/MyTable/stream/2020-09-28T16:49:14.209", "MyTable")]
    [InlineData("arn:aws:dynamodb:us-west-2:12345:table", "")]
    [InlineData("not-an-arn", "")]
    [InlineData(null, "")]
    public void Table_name_comes_from_the_stream_ARN_as_in_chalice(string? arn, string table)
    {
        var record = LambdaEventJson.Parse<DynamoDBEvent>(SharedFixtures.ReadText("events/dynamodb-event.json")).Records[0];
        record.EventSourceArn = arn;

        Assert.Equal(table, record.TableName);
    }
}
