// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html and
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A batch of changes Lambda read from a DynamoDB stream (Chalice's <c>DynamoDBEvent</c>). A handler may report the
/// records it failed with a <see cref="BatchResponse"/>; Lambda then retries from the first of them.
/// </summary>
public sealed class DynamoDBEvent
{
    [JsonPropertyName("Records"), JsonRequired] public List<DynamoDBEventRecord> Records { get; set; } = [];

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One change to one item (Chalice's <c>DynamoDBRecord</c>).</summary>
public sealed class DynamoDBEventRecord
{
    /// <summary>A unique id per record.</summary>
    [JsonPropertyName("eventID"), JsonRequired] public string EventId { get; set; } = "";

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName"), JsonRequired] public string EventName { get; set; } = "";

    [JsonPropertyName("eventVersion")] public string? EventVersion { get; set; }

    /// <summary><c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }

    /// <summary>Present when DynamoDB itself made the change (a TTL expiry: type <c>Service</c>, principal <c>dynamodb.amazonaws.com</c>).</summary>
    [JsonPropertyName("userIdentity")] public DynamoDBUserIdentity? UserIdentity { get; set; }

    [JsonPropertyName("dynamodb"), JsonRequired] public DynamoDBStreamRecord DynamoDB { get; set; } = new();

    /// <summary>The stream's ARN: <c>arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL</c>.</summary>
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The table's name, read from <see cref="EventSourceArn"/> (Chalice's <c>table_name</c>); empty when the ARN has none.</summary>
    [JsonIgnore]
    public string TableName
    {
        get
        {
            // arn:aws:dynamodb:us-west-2:12345:table/MyTable/stream/2020-09-28T16:49:14.209: the resource is the sixth part.
            var parts = EventSourceArn?.Split(':', 6);
            if (parts is not { Length: 6 })
                return "";
            var resource = parts[5].Split('/');
            return resource.Length >= 2 ? resource[1] : "";
        }
    }
}

/// <summary>The change itself: the item's key, and its images before and after as the stream's view type includes them.</summary>
public sealed class DynamoDBStreamRecord
{
    /// <summary>When the change was made (UTC; AWS sends seconds since the epoch).</summary>
    [JsonPropertyName("ApproximateCreationDateTime"), JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? ApproximateCreationDateTime { get; set; }

    /// <summary>The item's primary key attributes.</summary>
    [JsonPropertyName("Keys"), JsonRequired] public Dictionary<string, DynamoDBAttributeValue> Keys { get; set; } = [];

    /// <summary>The item after the change (absent for <c>REMOVE</c>, and for the <c>KEYS_ONLY</c> and <c>OLD_IMAGE</c> view types).</summary>
    [JsonPropertyName("NewImage")] public Dictionary<string, DynamoDBAttributeValue>? NewImage { get; set; }

    /// <summary>The item before the change (absent for <c>INSERT</c>, and for the <c>KEYS_ONLY</c> and <c>NEW_IMAGE</c> view types).</summary>
    [JsonPropertyName("OldImage")] public Dictionary<string, DynamoDBAttributeValue>? OldImage { get; set; }

    /// <summary>The record's place in its shard: what <see cref="BatchResponse"/> reports when it fails.</summary>
    [JsonPropertyName("SequenceNumber"), JsonRequired] public string SequenceNumber { get; set; } = "";

    [JsonPropertyName("SizeBytes")] public long? SizeBytes { get; set; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")] public string? StreamViewType { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Who made a change, when it was not a user (TTL expiries).</summary>
public sealed class DynamoDBUserIdentity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
