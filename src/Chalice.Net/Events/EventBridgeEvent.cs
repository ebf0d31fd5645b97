// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
// ("The following fields appear in all events delivered to an event bus": hence every member is [JsonRequired]).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// An EventBridge (CloudWatch Events) event whose <c>detail</c> is read as JSON: what an event rule or a schedule
/// sends a function (Chalice's <c>CloudWatchEvent</c>, for <c>on_cw_event</c> and <c>schedule</c>). A scheduled event
/// has <c>detail-type</c> <c>Scheduled Event</c>, <c>source</c> <c>aws.events</c> and an empty detail.
/// </summary>
public sealed class EventBridgeEvent : EventBridgeEvent<JsonNode>
{
    /// <summary>An event with an empty detail, as a scheduled event has.</summary>
    public EventBridgeEvent() => Detail = new JsonObject();
}

/// <summary>
/// An EventBridge event with a typed <see cref="EventBridgeEvent{TDetail}.Detail"/>. Like any type an app
/// serializes, it needs source-generated metadata: declare <c>[JsonSerializable(typeof(EventBridgeEvent&lt;MyDetail&gt;))]</c>
/// on the app's <c>JsonSerializerContext</c>.
/// </summary>
/// <typeparam name="TDetail">The shape of the event's <c>detail</c>.</typeparam>
public class EventBridgeEvent<TDetail>
{
    /// <summary><c>0</c> for every event so far.</summary>
    [JsonPropertyName("version"), JsonRequired] public string Version { get; set; } = "";

    /// <summary>A unique id per event.</summary>
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = "";

    /// <summary>What kind of event this is, e.g. <c>Object Created</c>, <c>Scheduled Event</c>.</summary>
    [JsonPropertyName("detail-type"), JsonRequired] public string DetailType { get; set; } = "";

    /// <summary>The service or app that sent it, e.g. <c>aws.s3</c>, <c>aws.events</c>.</summary>
    [JsonPropertyName("source"), JsonRequired] public string Source { get; set; } = "";

    [JsonPropertyName("account"), JsonRequired] public string Account { get; set; } = "";

    /// <summary>When the event happened (UTC, whole seconds).</summary>
    [JsonPropertyName("time"), JsonRequired] public DateTime Time { get; set; }

    [JsonPropertyName("region"), JsonRequired] public string Region { get; set; } = "";

    /// <summary>The ARNs the event is about; for a scheduled event, the rule's.</summary>
    [JsonPropertyName("resources"), JsonRequired] public List<string> Resources { get; set; } = [];

    /// <summary>The event's own data; an empty object for scheduled events (and <see langword="default"/> until set).</summary>
    [JsonPropertyName("detail"), JsonRequired] public TDetail Detail { get; set; } = default!;

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
