using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// EventBridge (CloudWatch Events) and scheduled events, from aws-lambda-dotnet's samples: the detail as JSON, and
/// typed through an app's own source-generated context (no reflection).
/// </summary>
public sealed class EventBridgeEventTests
{
    [Fact]
    public void Scheduled_event()
    {
        var scheduled = LambdaEventJson.Parse<EventBridgeEvent>(SharedFixtures.ReadText("events/aws-lambda-dotnet/scheduled-event.json"));

        Assert.Equal("Scheduled Event", scheduled.DetailType);
        Assert.Equal("aws.events", scheduled.Source);
        Assert.Equal("cdc73f9d-aea9-11e3-9d5a-835b769c0d9c", scheduled.Id);
        Assert.Equal(DateTime.UnixEpoch, scheduled.Time);
        Assert.Equal(DateTimeKind.Utc, scheduled.Time.Kind);
        Assert.Equal(["arn:aws:events:us-east-1:123456789012:rule/my-schedule"], scheduled.Resources);
        Assert.Empty(Assert.IsType<JsonObject>(scheduled.Detail));
    }

    [Fact]
    public void Detail_reads_as_JSON()
    {
        var created = LambdaEventJson.Parse<EventBridgeEvent>(SharedFixtures.ReadText("events/aws-lambda-dotnet/cloudwatchevents-s3objectcreated.json"));

        Assert.Equal("Object Created", created.DetailType);
        Assert.Equal("DOC-EXAMPLE-BUCKET1", created.Detail["bucket"]!["name"]!.GetValue<string>());
        Assert.Equal(5, created.Detail["object"]!["size"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("events/aws-lambda-dotnet/cloudwatchevents-s3objectcreated.json")]
    [InlineData("events/aws-lambda-dotnet/cloudwatchevents-s3objectdeleted.json")]
    public void Typed_detail_through_the_apps_own_context_round_trips(string fixture)
    {
        var text = SharedFixtures.ReadText(fixture);

        var typed = JsonSerializer.Deserialize(text, EventBridgeTestJsonContext.Default.EventBridgeEventS3ObjectDetail)!;

        Assert.Equal("DOC-EXAMPLE-BUCKET1", typed.Detail.Bucket.Name);
        Assert.Equal("example-key", typed.Detail.Object.Key);
        Assert.Equal("1.2.3.4", typed.Detail.SourceIpAddress);
        JsonAssert.EquivalentIgnoringNulls(JsonNode.Parse(text),
            JsonNode.Parse(JsonSerializer.Serialize(typed, EventBridgeTestJsonContext.Default.EventBridgeEventS3ObjectDetail)));
    }

    [Fact]
    public void An_event_missing_a_member_every_event_has_is_rejected()
    {
        // "The following fields appear in all events delivered to an event bus"
        // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html)
        var json = JsonNode.Parse(SharedFixtures.ReadText("events/aws-lambda-dotnet/scheduled-event.json"))!.AsObject();
        json.Remove("detail-type");

        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<EventBridgeEvent>(json.ToJsonString()));
        Assert.Contains("'detail-type'", error.Message);
    }
}

/// <summary>The detail of an S3 EventBridge notification, as an app would declare it.</summary>
internal sealed record S3ObjectDetail(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("bucket")] S3DetailBucket Bucket,
    [property: JsonPropertyName("object")] S3DetailObject Object,
    [property: JsonPropertyName("request-id")] string RequestId,
    [property: JsonPropertyName("requester")] string Requester,
    [property: JsonPropertyName("source-ip-address")] string SourceIpAddress,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("deletion-type")] string? DeletionType);

internal sealed record S3DetailBucket([property: JsonPropertyName("name")] string Name);

internal sealed record S3DetailObject(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("etag")] string ETag,
    [property: JsonPropertyName("version-id")] string VersionId,
    [property: JsonPropertyName("sequencer")] string Sequencer);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventBridgeEvent<S3ObjectDetail>))]
internal sealed partial class EventBridgeTestJsonContext : JsonSerializerContext;
