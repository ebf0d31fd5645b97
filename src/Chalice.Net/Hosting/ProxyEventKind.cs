using System.Text.Json;

namespace Chalice.Hosting;

/// <summary>The shapes of proxy event an API handler receives.</summary>
public enum ProxyEventKind
{
    /// <summary>Not an API Gateway proxy event.</summary>
    Unknown,

    /// <summary>REST API, or HTTP API with payload format 1.0.</summary>
    RestV1,

    /// <summary>HTTP API with payload format 2.0, or a function URL.</summary>
    HttpApiV2,
}

internal static class ProxyEventDetector
{
    /// <summary>
    /// Reads top-level member names until one decides the shape: payload 1.0 has <c>httpMethod</c>, 2.0 has
    /// <c>version: "2.0"</c> / <c>rawPath</c> / <c>routeKey</c>. API Gateway puts these first, so this reads a few tokens.
    /// </summary>
    public static ProxyEventKind Detect(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return ProxyEventKind.Unknown;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("httpMethod"u8))
                    return ProxyEventKind.RestV1;
                if (reader.ValueTextEquals("rawPath"u8) || reader.ValueTextEquals("routeKey"u8))
                    return ProxyEventKind.HttpApiV2;
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8))
                        return ProxyEventKind.HttpApiV2;
                    continue;
                }
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return ProxyEventKind.Unknown;
    }
}
