using System.Text;
using System.Text.Json;

namespace Chalice.Gateway;

/// <summary>
/// Turns what the Lambda function returned into the HTTP response API Gateway sends, with each API type's rules:
/// header merging, default content types, base64 bodies, cookies, and the errors for a malformed response.
/// </summary>
internal sealed class ProxyResponseRenderer(GatewayOptions options)
{
    public GatewayResponse Render(ReadOnlyMemory<byte> payload, GatewayRequest request, GatewayRequestIds ids)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return GatewayErrors.MalformedResponse(options.ApiType, ids);
        }
        using (document)
        {
            var root = document.RootElement;
            return options.ApiType == ApiGatewayType.HttpPayloadV2
                ? RenderV2(root, payload, ids)
                : RenderV1(root, request, ids) ?? GatewayErrors.MalformedResponse(options.ApiType, ids);
        }
    }

    private GatewayResponse? RenderV1(JsonElement root, GatewayRequest request, GatewayRequestIds ids)
    {
        if (root.ValueKind != JsonValueKind.Object || !TryStatusCode(root, out var status))
            return null;
        if (!TryBody(root, out var body, out var isBase64))
            return null;

        var headers = new List<KeyValuePair<string, string>>();
        var isRest = options.ApiType == ApiGatewayType.Rest;
        // REST lists multiValueHeaders before headers; an HTTP API lists headers first.
        if (!(isRest ? AddMultiValue(root, headers) && AddSingle(root, headers) : AddSingle(root, headers) && AddMultiValue(root, headers)))
            return null;
        if (!isRest)
            headers = headers.Select(h => new KeyValuePair<string, string>(CanonicalName(h.Key), h.Value)).ToList();

        var contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        var binary = isBase64 && (!isRest || IsRestBinaryResponse(request, contentType));
        var bytes = Decode(body, binary);
        if (bytes is null)
            return null;
        if (contentType is null)
            headers.Add(new("Content-Type", isRest ? "application/json" : "text/plain; charset=utf-8"));
        return Finish(status, headers, bytes, ids);
    }

    private GatewayResponse RenderV2(JsonElement root, ReadOnlyMemory<byte> payload, GatewayRequestIds ids)
    {
        // Payload 2.0: anything that is not an object with a statusCode is the body of a 200 JSON response.
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out _))
            return Finish(200, [new("Content-Type", "application/json")], payload.ToArray(), ids);
        if (!TryStatusCode(root, out var status) || !TryBody(root, out var body, out var isBase64))
            return GatewayErrors.MalformedResponse(options.ApiType, ids);

        var headers = new List<KeyValuePair<string, string>>();
        if (!AddSingle(root, headers))
            return GatewayErrors.MalformedResponse(options.ApiType, ids);
        headers = headers.Select(h => new KeyValuePair<string, string>(CanonicalName(h.Key), h.Value)).ToList();
        if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
        {
            foreach (var cookie in cookies.EnumerateArray())
            {
                if (cookie.ValueKind == JsonValueKind.String)
                    headers.Add(new("Set-Cookie", cookie.GetString()!));
            }
        }
        var bytes = Decode(body, isBase64);
        if (bytes is null)
            return GatewayErrors.MalformedResponse(options.ApiType, ids);
        if (!headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            headers.Add(new("Content-Type", "text/plain; charset=utf-8"));
        return Finish(status, headers, bytes, ids);
    }

    private GatewayResponse Finish(int status, List<KeyValuePair<string, string>> headers, byte[] body, GatewayRequestIds ids)
    {
        if (body.Length > options.MaxLambdaPayloadBytes)
            return GatewayErrors.MalformedResponse(options.ApiType, ids);
        GatewayErrors.AddGatewayHeaders(headers, options.ApiType, ids, includeTrace: true);
        return new GatewayResponse(status, headers, body);
    }

    private static bool TryStatusCode(JsonElement root, out int status)
    {
        status = 0;
        return root.TryGetProperty("statusCode", out var value)
               && value.ValueKind == JsonValueKind.Number
               && value.TryGetInt32(out status)
               && status is >= 100 and <= 599;
    }

    private static bool TryBody(JsonElement root, out string body, out bool isBase64)
    {
        body = "";
        isBase64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (!root.TryGetProperty("body", out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        if (value.ValueKind != JsonValueKind.String)
            return false;
        body = value.GetString()!;
        return true;
    }

    private static bool AddSingle(JsonElement root, List<KeyValuePair<string, string>> headers)
    {
        if (!root.TryGetProperty("headers", out var map) || map.ValueKind == JsonValueKind.Null)
            return true;
        if (map.ValueKind != JsonValueKind.Object)
            return false;
        foreach (var header in map.EnumerateObject())
        {
            if (header.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                return false;
            headers.Add(new(header.Name, ScalarText(header.Value)));
        }
        return true;
    }

    private static bool AddMultiValue(JsonElement root, List<KeyValuePair<string, string>> headers)
    {
        if (!root.TryGetProperty("multiValueHeaders", out var map) || map.ValueKind == JsonValueKind.Null)
            return true;
        if (map.ValueKind != JsonValueKind.Object)
            return false;
        foreach (var header in map.EnumerateObject())
        {
            if (header.Value.ValueKind == JsonValueKind.Null)
                continue;
            if (header.Value.ValueKind != JsonValueKind.Array)
                return false;
            foreach (var value in header.Value.EnumerateArray())
                headers.Add(new(header.Name, ScalarText(value)));
        }
        return true;
    }

    private static string ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private bool IsRestBinaryResponse(GatewayRequest request, string? contentType)
    {
        var accept = request.Header("Accept")?.Split(',')[0].Trim();
        return (accept is not null && Chalice.Hosting.MediaTypes.Matches(accept, options.EffectiveBinaryMediaTypes))
               || (contentType is not null && Chalice.Hosting.MediaTypes.Matches(contentType, options.EffectiveBinaryMediaTypes));
    }

    private static byte[]? Decode(string body, bool base64)
    {
        if (!base64)
            return Encoding.UTF8.GetBytes(body);
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>HTTP APIs send header names in canonical form: <c>myheader</c> → <c>Myheader</c>, <c>x-a-b</c> → <c>X-A-B</c>.</summary>
    internal static string CanonicalName(string name)
    {
        var chars = name.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            upper = chars[i] == '-';
        }
        return new string(chars);
    }
}
