// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A notification SNS delivers to a subscribed function (Chalice's <c>SNSEvent</c>). <see cref="Message"/> and
/// <see cref="Subject"/> read the first record, as Chalice does: SNS delivers one record per invocation.
/// </summary>
public sealed class SnsEvent
{
    [JsonPropertyName("Records"), JsonRequired] public List<SnsRecord> Records { get; set; } = [];

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The message of the first record.</summary>
    /// <exception cref="InvalidOperationException">The event has no records.</exception>
    [JsonIgnore] public string Message => FirstRecord.Sns.Message;

    /// <summary>The subject of the first record; null when the publisher gave none.</summary>
    /// <exception cref="InvalidOperationException">The event has no records.</exception>
    [JsonIgnore] public string? Subject => FirstRecord.Sns.Subject;

    private SnsRecord FirstRecord =>
        Records is [var first, ..] ? first : throw new InvalidOperationException("The SNS event has no records.");
}

/// <summary>One delivery of an SNS notification.</summary>
public sealed class SnsRecord
{
    [JsonPropertyName("EventVersion")] public string? EventVersion { get; set; }

    /// <summary>The ARN of the subscription that delivered the notification.</summary>
    [JsonPropertyName("EventSubscriptionArn")] public string? EventSubscriptionArn { get; set; }

    /// <summary><c>aws:sns</c>.</summary>
    [JsonPropertyName("EventSource")] public string? EventSource { get; set; }

    [JsonPropertyName("Sns"), JsonRequired] public SnsMessage Sns { get; set; } = new();

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The notification itself, as SNS signed it.</summary>
public sealed class SnsMessage
{
    [JsonPropertyName("Signature")] public string? Signature { get; set; }
    [JsonPropertyName("MessageId"), JsonRequired] public string MessageId { get; set; } = "";

    /// <summary><c>Notification</c>.</summary>
    [JsonPropertyName("Type")] public string? Type { get; set; }

    [JsonPropertyName("TopicArn"), JsonRequired] public string TopicArn { get; set; } = "";
    [JsonPropertyName("MessageAttributes")] public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; set; }
    [JsonPropertyName("SignatureVersion")] public string? SignatureVersion { get; set; }

    /// <summary>When the notification was published (UTC).</summary>
    [JsonPropertyName("Timestamp"), JsonConverter(typeof(MillisecondTimeConverter))] public DateTime? Timestamp { get; set; }

    [JsonPropertyName("SigningCertUrl")] public string? SigningCertUrl { get; set; }

    /// <summary>The message, as published.</summary>
    [JsonPropertyName("Message"), JsonRequired] public string Message { get; set; } = "";

    [JsonPropertyName("UnsubscribeUrl")] public string? UnsubscribeUrl { get; set; }

    /// <summary>The subject, or null when the publisher gave none.</summary>
    [JsonPropertyName("Subject")] public string? Subject { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// A message attribute set by the publisher. Every value arrives as a JSON string, a <c>Binary</c> one too (AWS's
/// sample event carries <c>"Type": "Binary", "Value": "TestBinary"</c>), so <see cref="Value"/> is the text as sent.
/// </summary>
public sealed class SnsMessageAttribute
{
    /// <summary><c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    [JsonPropertyName("Type")] public string? Type { get; set; }

    [JsonPropertyName("Value")] public string? Value { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
