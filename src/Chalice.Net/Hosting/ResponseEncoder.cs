using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Hosting;

/// <summary>Writes a <see cref="Response"/> as the proxy response API Gateway expects.</summary>
internal static class ResponseEncoder
{
    private const string JsonType = "application/json";
    private const string TextType = "text/plain; charset=utf-8";
    private const string BinaryType = "application/octet-stream";

    public static ApiGatewayProxyResponse ToRest(Response response, JsonSerializerOptions options)
    {
        var (body, isBase64) = EncodeBody(response, options);
        Dictionary<string, string>? single = null;
        Dictionary<string, List<string>>? multi = null;
        foreach (var (name, values) in response.Headers)
        {
            if (values.Count == 1)
                (single ??= new(StringComparer.Ordinal))[name] = values[0];
            else
                (multi ??= new(StringComparer.Ordinal))[name] = [.. values];
        }
        return new ApiGatewayProxyResponse
        {
            StatusCode = response.StatusCode,
            Headers = single ?? [],
            MultiValueHeaders = multi,
            Body = body,
            IsBase64Encoded = isBase64,
        };
    }

    public static HttpApiV2ProxyResponse ToHttpApi(Response response, JsonSerializerOptions options)
    {
        var (body, isBase64) = EncodeBody(response, options);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string>? cookies = null;
        foreach (var (name, values) in response.Headers)
        {
            // Payload 2.0 has no multi-value headers: cookies travel apart, other repeats are comma-joined.
            if (string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
                (cookies ??= []).AddRange(values);
            else
                headers[name] = string.Join(",", values);
        }
        return new HttpApiV2ProxyResponse
        {
            StatusCode = response.StatusCode,
            Headers = headers,
            Cookies = cookies,
            Body = body,
            IsBase64Encoded = isBase64,
        };
    }

    /// <summary>Serializes the body and sets the default Content-Type for its kind when the handler set none.</summary>
    private static (string Body, bool IsBase64) EncodeBody(Response response, JsonSerializerOptions options)
    {
        switch (response.Body)
        {
            case null:
                return ("", false);
            case string text:
                response.Headers.TryAdd("Content-Type", TextType);
                return (text, false);
            case byte[] bytes:
                response.Headers.TryAdd("Content-Type", BinaryType);
                return (Convert.ToBase64String(bytes), true);
            case ReadOnlyMemory<byte> memory:
                response.Headers.TryAdd("Content-Type", BinaryType);
                return (Convert.ToBase64String(memory.Span), true);
            default:
                response.Headers.TryAdd("Content-Type", JsonType);
                return (SerializeJson(response.Body, options), false);
        }
    }

    private static string SerializeJson(object value, JsonSerializerOptions options)
    {
        if (value is JsonNode node)
            return node.ToJsonString(options);
        var type = value.GetType();
        if (!options.TryGetTypeInfo(type, out var typeInfo))
        {
            throw new InvalidOperationException(
                $"The response body type {type.FullName} has no JSON metadata. Add [JsonSerializable(typeof({type.Name}))] " +
                "to a JsonSerializerContext in the app.");
        }
        return JsonSerializer.Serialize(value, typeInfo);
    }

    /// <summary>Reads a stream body into memory, asynchronously, before the response is encoded.</summary>
    public static async ValueTask BufferStreamBodyAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.Body is not Stream stream)
            return;
        await using (stream.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            response.Body = copy.ToArray();
        }
    }
}
