// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// The event S3 sends to a function for a bucket notification (Chalice's <c>S3Event</c>), wire-compatible with AWS's
/// JSON. <see cref="Bucket"/> and <see cref="Key"/> read the first record, as Chalice does: S3 sends one record per
/// notification.
/// </summary>
public sealed class S3Event
{
    [JsonPropertyName("Records"), JsonRequired] public List<S3EventRecord> Records { get; set; } = [];

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The bucket of the first record.</summary>
    /// <exception cref="InvalidOperationException">The event has no records.</exception>
    [JsonIgnore] public string Bucket => FirstRecord.S3.Bucket.Name;

    /// <summary>
    /// The object key of the first record, URL-decoded (<c>red+flower.jpg</c> becomes <c>red flower.jpg</c>); see
    /// <see cref="S3ObjectEntity.DecodedKey"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event has no records.</exception>
    [JsonIgnore] public string Key => FirstRecord.S3.Object.DecodedKey;

    private S3EventRecord FirstRecord =>
        Records is [var first, ..] ? first : throw new InvalidOperationException("The S3 event has no records.");
}

/// <summary>One notification: what happened (<see cref="EventName"/>, e.g. <c>ObjectCreated:Put</c>) to which object.</summary>
public sealed class S3EventRecord
{
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; set; }

    /// <summary><c>aws:s3</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }

    /// <summary>When S3 finished processing the request (UTC).</summary>
    [JsonPropertyName("eventTime"), JsonConverter(typeof(MillisecondTimeConverter))] public DateTime? EventTime { get; set; }

    /// <summary>The event type without the <c>s3:</c> prefix, e.g. <c>ObjectCreated:Put</c>, <c>ObjectRemoved:Delete</c>.</summary>
    [JsonPropertyName("eventName"), JsonRequired] public string EventName { get; set; } = "";

    /// <summary>Who caused the event.</summary>
    [JsonPropertyName("userIdentity")] public S3Identity? UserIdentity { get; set; }

    [JsonPropertyName("requestParameters")] public S3RequestParameters? RequestParameters { get; set; }
    [JsonPropertyName("responseElements")] public S3ResponseElements? ResponseElements { get; set; }
    [JsonPropertyName("s3"), JsonRequired] public S3Entity S3 { get; set; } = new();

    /// <summary>Present for <c>ObjectRestore:Completed</c> events.</summary>
    [JsonPropertyName("glacierEventData")] public S3GlacierEventData? GlacierEventData { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The bucket and object a notification is about.</summary>
public sealed class S3Entity
{
    [JsonPropertyName("s3SchemaVersion")] public string? S3SchemaVersion { get; set; }

    /// <summary>The id of the bucket's notification configuration that sent this event.</summary>
    [JsonPropertyName("configurationId")] public string? ConfigurationId { get; set; }

    [JsonPropertyName("bucket"), JsonRequired] public S3BucketEntity Bucket { get; set; } = new();
    [JsonPropertyName("object"), JsonRequired] public S3ObjectEntity Object { get; set; } = new();

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The bucket of a notification.</summary>
public sealed class S3BucketEntity
{
    [JsonPropertyName("name"), JsonRequired] public string Name { get; set; } = "";
    [JsonPropertyName("ownerIdentity")] public S3Identity? OwnerIdentity { get; set; }
    [JsonPropertyName("arn")] public string? Arn { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The object of a notification.</summary>
public sealed class S3ObjectEntity
{
    /// <summary>The key as S3 sends it: URL-encoded. Use <see cref="DecodedKey"/> to address the object.</summary>
    [JsonPropertyName("key"), JsonRequired] public string Key { get; set; } = "";

    /// <summary>The size in bytes; absent from delete events.</summary>
    [JsonPropertyName("size")] public long? Size { get; set; }

    [JsonPropertyName("eTag")] public string? ETag { get; set; }

    /// <summary>The version, when the bucket is versioned.</summary>
    [JsonPropertyName("versionId")] public string? VersionId { get; set; }

    /// <summary>Orders the events of one key: a greater hexadecimal value came later.</summary>
    [JsonPropertyName("sequencer")] public string? Sequencer { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// The object key as stored. S3 sends keys form-URL-encoded ("The object key name value is URL encoded. For
    /// example, "red flower.jpg" becomes "red+flower.jpg""): <c>+</c> is a space, <c>%XX</c> sequences are UTF-8
    /// bytes (a literal <c>+</c> arrives as <c>%2B</c>).
    /// </summary>
    [JsonIgnore] public string DecodedKey => WebUtility.UrlDecode(Key);

    /// <summary>
    /// A key as S3 sends it in a notification: form-URL-encoded (a space is <c>+</c>, other bytes of the key's UTF-8
    /// outside <c>A-Z a-z 0-9 - _ . *</c> are <c>%XX</c>), except <c>/</c>, which S3 leaves as is. AWS: "The object key
    /// name value is URL encoded. For example, "red flower.jpg" becomes "red+flower.jpg" (Amazon S3 returns
    /// "application/x-www-form-urlencoded" as the content type in the response)"
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html); the unencoded
    /// slash as AWS sends it is reported against an S3-compatible server that encoded it
    /// (https://github.com/minio/minio/issues/11665). <see cref="DecodedKey"/> reads it back.
    /// </summary>
    public static string EncodeKey(string key)
    {
        var encoded = new StringBuilder(key.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '/')
                encoded.Append(c);
            else if (c == ' ')
                encoded.Append('+');
            else
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}

/// <summary>A principal in an S3 notification (the user who caused it, or the bucket owner).</summary>
public sealed class S3Identity
{
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestParameters</c> of an S3 notification.</summary>
public sealed class S3RequestParameters
{
    /// <summary>The IP address the request came from.</summary>
    [JsonPropertyName("sourceIPAddress")] public string? SourceIpAddress { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>responseElements</c> of an S3 notification: the ids AWS support asks for.</summary>
public sealed class S3ResponseElements
{
    [JsonPropertyName("x-amz-request-id")] public string? XAmzRequestId { get; set; }

    /// <summary>The S3 host that processed the request.</summary>
    [JsonPropertyName("x-amz-id-2")] public string? XAmzId2 { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>glacierEventData</c> of an <c>ObjectRestore:Completed</c> notification.</summary>
public sealed class S3GlacierEventData
{
    [JsonPropertyName("restoreEventData")] public S3RestoreEventData? RestoreEventData { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>When a restored copy expires, and the storage class it was restored from.</summary>
public sealed class S3RestoreEventData
{
    [JsonPropertyName("lifecycleRestorationExpiryTime"), JsonConverter(typeof(MillisecondTimeConverter))]
    public DateTime? LifecycleRestorationExpiryTime { get; set; }
    [JsonPropertyName("lifecycleRestoreStorageClass")] public string? LifecycleRestoreStorageClass { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
