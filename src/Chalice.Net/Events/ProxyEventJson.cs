using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chalice.Serialization;

namespace Chalice.Events;

/// <summary>Reads and writes the API Gateway wire types with their source-generated metadata (no reflection).</summary>
public static class ProxyEventJson
{
    /// <summary>Reads a REST API (payload 1.0) event.</summary>
    /// <exception cref="JsonException">The JSON does not match the event's shape.</exception>
    public static ApiGatewayProxyRequest ParseRestEvent(ReadOnlySpan<byte> json) =>
        FastProxyEventReader.TryReadRestEvent(json) ?? ParseGeneral(json, ChaliceJsonContext.Wire.ApiGatewayProxyRequest);

    /// <summary>Reads an HTTP API payload 2.0 event.</summary>
    /// <exception cref="JsonException">The JSON does not match the event's shape.</exception>
    public static HttpApiV2ProxyRequest ParseHttpApiEvent(ReadOnlySpan<byte> json) =>
        FastProxyEventReader.TryReadHttpApiEvent(json) ?? ParseGeneral(json, ChaliceJsonContext.Wire.HttpApiV2ProxyRequest);

    /// <summary>Reads a REST API proxy response.</summary>
    public static ApiGatewayProxyResponse ParseRestResponse(ReadOnlySpan<byte> json) => ParseGeneral(json, ChaliceJsonContext.Wire.ApiGatewayProxyResponse);

    /// <summary>Reads a payload 2.0 response.</summary>
    public static HttpApiV2ProxyResponse ParseHttpApiResponse(ReadOnlySpan<byte> json) => ParseGeneral(json, ChaliceJsonContext.Wire.HttpApiV2ProxyResponse);

    /// <summary>Writes a REST API event.</summary>
    public static byte[] Serialize(ApiGatewayProxyRequest value) => JsonSerializer.SerializeToUtf8Bytes(value, ChaliceJsonContext.Wire.ApiGatewayProxyRequest);

    /// <summary>Writes a payload 2.0 event.</summary>
    public static byte[] Serialize(HttpApiV2ProxyRequest value) => JsonSerializer.SerializeToUtf8Bytes(value, ChaliceJsonContext.Wire.HttpApiV2ProxyRequest);

    /// <summary>Writes a REST API proxy response.</summary>
    public static byte[] Serialize(ApiGatewayProxyResponse value) => JsonSerializer.SerializeToUtf8Bytes(value, ChaliceJsonContext.Wire.ApiGatewayProxyResponse);

    /// <summary>Writes a payload 2.0 response.</summary>
    public static byte[] Serialize(HttpApiV2ProxyResponse value) => JsonSerializer.SerializeToUtf8Bytes(value, ChaliceJsonContext.Wire.HttpApiV2ProxyResponse);

    /// <summary>The general deserializer alone, without the fast path (for tests that compare the two).</summary>
    internal static ApiGatewayProxyRequest ParseRestEventGeneral(ReadOnlySpan<byte> json) => ParseGeneral(json, ChaliceJsonContext.Wire.ApiGatewayProxyRequest);

    /// <inheritdoc cref="ParseRestEventGeneral" />
    internal static HttpApiV2ProxyRequest ParseHttpApiEventGeneral(ReadOnlySpan<byte> json) => ParseGeneral(json, ChaliceJsonContext.Wire.HttpApiV2ProxyRequest);

    private static T ParseGeneral<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
}
