using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// S3 notifications read as Chalice's <c>S3Event</c> does: the bucket and the key of the first record, the key
/// URL-decoded. AWS: "The object key name value is URL encoded. For example, "red flower.jpg" becomes
/// "red+flower.jpg" (Amazon S3 returns "application/x-www-form-urlencoded" as the content type in the response)."
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html)
/// </summary>
public sealed class S3EventTests
{
    [Fact]
    public void Bucket_and_key_of_the_AWS_sample()
    {
        // shared/fixtures/events/s3-event.json sends "Happy%20Face.jpg".
        var s3Event = LambdaEventJson.Parse<S3Event>(SharedFixtures.ReadText("events/s3-event.json"));

        Assert.Equal("sourcebucket", s3Event.Bucket);
        Assert.Equal("Happy Face.jpg", s3Event.Key);
        Assert.Equal("Happy%20Face.jpg", s3Event.Records[0].S3.Object.Key);
        Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc), s3Event.Records[0].EventTime);
        Assert.Equal(DateTimeKind.Utc, s3Event.Records[0].EventTime!.Value.Kind);
        Assert.Equal(1024, s3Event.Records[0].S3.Object.Size);
    }

    [Theory]
    [InlineData("red+flower.jpg", "red flower.jpg")] // AWS's own example
    [InlineData("photos/summer+2024/%C3%A9t%C3%A9+%F0%9F%8C%B4.jpg", "photos/summer 2024/été 🌴.jpg")] // UTF-8 bytes, percent-encoded
    [InlineData("50%25+off%2Bmore.txt", "50% off+more.txt")] // a literal '+' travels as %2B, a '%' as %25
    [InlineData("year%3D2024/month%3D01/data.csv", "year=2024/month=01/data.csv")]
    public void Key_with_spaces_and_UTF8_arrives_decoded(string sentKey, string storedKey)
    {
        var json = JsonNode.Parse(SharedFixtures.ReadText("events/s3-event.json"))!;
        json["Records"]![0]!["s3"]!["object"]!["key"] = sentKey;

        var s3Event = LambdaEventJson.Parse<S3Event>(json.ToJsonString());

        Assert.Equal(storedKey, s3Event.Key);
        Assert.Equal(storedKey, s3Event.Records[0].S3.Object.DecodedKey);
        // The wire keeps what S3 sent.
        Assert.Equal(sentKey, JsonNode.Parse(LambdaEventJson.Serialize(s3Event))!["Records"]![0]!["s3"]!["object"]!["key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0, "1970-01-01T00:00:00.000Z")]
    [InlineData(100, "1970-01-01T00:00:00.100Z")]
    [InlineData(987, "1970-01-01T00:00:00.987Z")]
    public void Event_time_is_written_with_milliseconds_as_S3_sends_it(int milliseconds, string expected)
    {
        // AWS documents eventTime as "ISO-8601 format (for example, 1970-01-01T00:00:00.000Z)"; System.Text.Json alone
        // would write 00.1Z for 00.100Z, and an event built here would not read like S3's.
        var s3Event = LambdaEventJson.Parse<S3Event>(SharedFixtures.ReadText("events/s3-event.json"));
        s3Event.Records[0].EventTime = new DateTime(1970, 1, 1, 0, 0, 0, milliseconds, DateTimeKind.Utc);

        var written = JsonNode.Parse(LambdaEventJson.Serialize(s3Event))!["Records"]![0]!["eventTime"]!.GetValue<string>();

        Assert.Equal(expected, written);
    }

    [Fact]
    public void An_event_with_no_records_says_so()
    {
        var s3Event = LambdaEventJson.Parse<S3Event>("""{"Records":[]}""");

        var error = Assert.Throws<InvalidOperationException>(() => s3Event.Key);
        Assert.Equal("The S3 event has no records.", error.Message);
    }

    [Fact]
    public void Another_sources_event_is_not_an_S3_event()
    {
        var sqsEvent = Encoding.UTF8.GetBytes(SharedFixtures.ReadText("events/sqs-event.json"));

        var error = Assert.Throws<System.Text.Json.JsonException>(() => LambdaEventJson.Parse<S3Event>(sqsEvent));
        Assert.Contains("missing required properties", error.Message);
        Assert.Contains("'eventName', 's3'", error.Message);
    }
}
