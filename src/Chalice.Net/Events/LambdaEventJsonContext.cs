using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// Source-generated metadata for the event and response types of every Lambda event source and of authorizers
/// (the proxy events have theirs in <see cref="Serialization.ChaliceJsonContext"/>). Nothing here serializes through
/// reflection, so it is Native AOT safe.
/// </summary>
/// <remarks>
/// The event types mark what AWS always sends <c>[JsonRequired]</c>, so that an event of another source fails to read
/// with the members it lacks, rather than reaching a handler half empty. They do not use C#'s <c>required</c>, which
/// does the same and more at compile time: System.Text.Json reads a type with <c>required</c> members through its
/// parameterized-constructor path, and the 10-message batch of SqsBatchJsonBenchmarks took 45% longer to read (31
/// instead of 22 µs of CPU per read). Responses, which handlers build and the runtime writes, keep <c>required</c>.
/// </remarks>
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SnsEvent))]
[JsonSerializable(typeof(EventBridgeEvent))]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(ApiGatewayAuthorizerRequest))]
[JsonSerializable(typeof(HttpApiV2AuthorizerRequest))]
[JsonSerializable(typeof(ApiGatewayAuthorizerResponse))]
[JsonSerializable(typeof(HttpApiV2AuthorizerSimpleResponse))]
internal sealed partial class LambdaEventJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The options events travel with: members AWS leaves out stay out (no <c>null</c>s written), and text is not
    /// HTML-escaped, since Lambda reads it, not a browser (AWS sends <c>"</c> in a body as <c>\"</c>, not <c>\u0022</c>).
    /// </summary>
    public static LambdaEventJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
