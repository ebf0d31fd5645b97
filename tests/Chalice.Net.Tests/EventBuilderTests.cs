using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Functions;
using Chalice.Testing;

namespace Chalice.Tests;

/// <summary>
/// The events the test client and <c>chalice-net invoke</c> build have every member AWS's own samples have
/// (shared/fixtures/events), read back as the typed events, and carry what they were asked for.
/// </summary>
public sealed class EventBuilderTests
{
    private readonly EventBuilder _events = new();

    // Maps whose keys are data, not members: a sample's own attribute names are not the shape.
    private static readonly HashSet<string> s_maps = ["messageAttributes", "MessageAttributes", "Keys", "NewImage", "OldImage", "detail"];

    // Members AWS sends only in some cases: DynamoDB's userIdentity for TTL deletions, S3's versionId for versioned
    // buckets, SQS's md5OfMessageAttributes for messages with attributes (AWS's sample without attributes,
    // https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, has none).
    private static readonly string[] s_conditional =
    [
        "$.Records[].userIdentity", "$.Records[].userIdentity.type", "$.Records[].userIdentity.principalId",
        "$.Records[].s3.object.versionId", "$.Records[].md5OfMessageAttributes",
    ];

    public static TheoryData<string, string> Shapes => new()
    {
        { "s3", "events/s3-event.json" },
        { "sqs", "events/sqs-event.json" },
        { "sns", "events/sns-event.json" },
        { "kinesis", "events/kinesis-event.json" },
        { "dynamodb", "events/dynamodb-event.json" },
        { "schedule", "events/aws-lambda-dotnet/scheduled-event.json" },
        { "eventbridge", "events/aws-lambda-dotnet/cloudwatchevents-s3objectcreated.json" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_member_of_awss_sample_is_there(string kind, string fixture)
    {
        var sample = JsonNode.Parse(SharedFixtures.ReadText(fixture))!;
        var built = JsonNode.Parse(kind switch
        {
            "s3" => LambdaEventJson.Serialize(_events.S3("bucket", "key")),
            "sqs" => LambdaEventJson.Serialize(_events.Sqs("body")),
            "sns" => LambdaEventJson.Serialize(_events.Sns("message", "subject")),
            "kinesis" => LambdaEventJson.Serialize(_events.Kinesis(["data"])),
            "dynamodb" => LambdaEventJson.Serialize(_events.DynamoDB("MODIFY", new JsonObject { ["id"] = 1 }, new JsonObject { ["id"] = 1 }, new JsonObject { ["id"] = 1 })),
            "schedule" => LambdaEventJson.Serialize(_events.Schedule()),
            _ => LambdaEventJson.Serialize(_events.EventBridge("aws.s3", "Object Created", new JsonObject(), ["arn:aws:s3:::bucket"])),
        })!;

        var missing = Members(sample, "$").Except(Members(built, "$")).Except(s_conditional).ToArray();
        Assert.True(missing.Length == 0, $"missing: {string.Join(", ", missing)}");
    }

    [Fact]
    public void An_S3_key_travels_URL_encoded_as_S3_sends_it()
    {
        var s3Event = _events.S3("uploads", "my photos/café 1+1=2.jpg", "ObjectRemoved:Delete");

        var record = s3Event.Records[0];
        Assert.Equal("my+photos/caf%C3%A9+1%2B1%3D2.jpg", record.S3.Object.Key);
        Assert.Equal("my photos/café 1+1=2.jpg", s3Event.Key);
        Assert.Equal(("ObjectRemoved:Delete", null, null), (record.EventName, record.S3.Object.Size, record.S3.Object.ETag)); // removals carry no size
        Assert.Equal("arn:aws:s3:::uploads", record.S3.Bucket.Arn);
    }

    [Theory]
    [InlineData("red flower.jpg", "red+flower.jpg")] // AWS's example
    [InlineData("a/b/c.txt", "a/b/c.txt")]
    [InlineData("été.txt", "%C3%A9t%C3%A9.txt")]
    [InlineData("x~y(1)'z'!.txt", "x%7Ey%281%29%27z%27%21.txt")]
    [InlineData("a-b_c.d*e", "a-b_c.d*e")]
    public void Keys_are_form_URL_encoded_except_the_slash(string key, string encoded)
    {
        Assert.Equal(encoded, S3ObjectEntity.EncodeKey(key));
        Assert.Equal(key, new S3ObjectEntity { Key = encoded }.DecodedKey);
    }

    [Fact]
    public void SQS_messages_have_their_own_ids_and_their_bodys_md_5()
    {
        var batch = _events.Sqs(["one", "two"], "orders");

        Assert.Equal(2, batch.Records.Select(m => m.MessageId).Distinct().Count());
        Assert.All(batch.Records, m => Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", m.EventSourceArn));
        // MD5 of "one", as SQS computes md5OfBody.
        Assert.Equal("f97c5d29941bfb1b2fdab0874906ab82", batch.Records[0].Md5OfBody);
    }

    [Fact]
    public void DynamoDB_images_are_written_in_DynamoDB_s_JSON()
    {
        var change = _events.DynamoDB("INSERT", new JsonObject { ["id"] = "o-1" },
            new JsonObject { ["id"] = "o-1", ["total"] = 12.5, ["paid"] = true, ["tags"] = new JsonArray("a", "b"), ["address"] = new JsonObject { ["city"] = "Oslo" }, ["note"] = null },
            table: "orders");

        var json = JsonNode.Parse(LambdaEventJson.Serialize(change))!["Records"]![0]!;
        Assert.Equal("""{"S":"o-1"}""", json["dynamodb"]!["Keys"]!["id"]!.ToJsonString());
        Assert.Equal(
            """{"id":{"S":"o-1"},"total":{"N":"12.5"},"paid":{"BOOL":true},"tags":{"L":[{"S":"a"},{"S":"b"}]},"address":{"M":{"city":{"S":"Oslo"}}},"note":{"NULL":true}}""",
            json["dynamodb"]!["NewImage"]!.ToJsonString());
        Assert.Equal("NEW_IMAGE", json["dynamodb"]!["StreamViewType"]!.GetValue<string>());
        Assert.Equal("orders", change.Records[0].TableName);
        // And back: the plain JSON a handler reads is the JSON the test wrote.
        Assert.Equal(
            """{"id":"o-1","total":12.5,"paid":true,"tags":["a","b"],"address":{"city":"Oslo"},"note":null}""",
            change.Records[0].DynamoDB.NewImage!.ToJsonObject().ToJsonString());
    }

    [Fact]
    public void A_patterns_sample_is_an_event_the_pattern_matches()
    {
        var function = new FunctionDefinition("changed", "Changed",
            new CloudWatchEventSettings("""{"source":["com.example.orders"],"detail-type":["Order Placed","Order Paid"],"detail":{"order":{"id":[{"prefix":"o-"}]},"total":[{"numeric":[">",0]}],"state":["paid"]}}"""),
            (_, _) => default);

        var sample = LambdaEventJson.Parse<EventBridgeEvent>(_events.SampleFor(function, "shop"));

        Assert.Equal(("com.example.orders", "Order Placed"), (sample.Source, sample.DetailType));
        Assert.Equal("""{"order":{"id":"o-sample"},"state":"paid"}""", sample.Detail.ToJsonString());
    }

    [Fact]
    public void Samples_use_the_functions_own_resources()
    {
        FunctionDefinition Function(EventSourceSettings? source) => new("f", "F", source, (_, _) => default);

        var sqs = LambdaEventJson.Parse<SqsEvent>(_events.SampleFor(Function(new SqsSettings(null, "arn:aws:sqs:eu-west-1:111122223333:jobs", 1, 0, null)), "shop"));
        Assert.Equal("arn:aws:sqs:eu-west-1:111122223333:jobs", sqs.Records[0].EventSourceArn);
        var sns = LambdaEventJson.Parse<SnsEvent>(_events.SampleFor(Function(new SnsSettings("alerts")), "shop"));
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:alerts", sns.Records[0].Sns.TopicArn);
        var s3 = LambdaEventJson.Parse<S3Event>(_events.SampleFor(Function(new S3EventSettings("in", ["s3:ObjectRemoved:*"], "logs/", null)), "shop"));
        Assert.Equal(("in", "logs/sample.json", "ObjectRemoved:Delete"), (s3.Bucket, s3.Key, s3.Records[0].EventName));
        var kinesis = LambdaEventJson.Parse<KinesisEvent>(_events.SampleFor(Function(new KinesisSettings("clicks", 100, StartingPosition.Latest, 0)), "shop"));
        Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/clicks", kinesis.Records[0].EventSourceArn);
        var schedule = LambdaEventJson.Parse<EventBridgeEvent>(_events.SampleFor(Function(new ScheduleSettings("rate(1 day)", null)), "shop", "prod"));
        Assert.Equal(["arn:aws:events:us-east-1:123456789012:rule/shop-prod-f"], schedule.Resources);
        Assert.Equal("{}"u8.ToArray(), _events.SampleFor(Function(null), "shop"));
    }

    /// <summary>The dot paths of every member, arrays by their first item, maps of data as leaves.</summary>
    private static IEnumerable<string> Members(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    var child = $"{path}.{name}";
                    yield return child;
                    if (!s_maps.Contains(name))
                    {
                        foreach (var nested in Members(value, child))
                            yield return nested;
                    }
                }
                break;
            case JsonArray { Count: > 0 } items:
                foreach (var nested in Members(items[0], path + "[]"))
                    yield return nested;
                break;
        }
    }
}
