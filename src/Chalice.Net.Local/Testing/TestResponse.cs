using System.Text;
using System.Text.Json.Nodes;
using Chalice.Gateway;

namespace Chalice.Testing;

/// <summary>What a test client call returned: the HTTP response API Gateway would have sent.</summary>
public sealed class TestResponse
{
    private JsonNode? _json;
    private bool _jsonParsed;

    internal TestResponse(GatewayResponse response)
    {
        StatusCode = response.StatusCode;
        Headers = response.Headers;
        Body = response.Body;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The headers in order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body bytes.</summary>
    public byte[] Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON (null for an empty body).</summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not JSON.</exception>
    public JsonNode? Json
    {
        get
        {
            if (!_jsonParsed)
            {
                _json = Body.Length == 0 ? null : JsonNode.Parse(Body);
                _jsonParsed = true;
            }
            return _json;
        }
    }

    /// <summary>The first value of a header, matched case-insensitively; null when absent.</summary>
    public string? Header(string name) => HeaderValues(name).FirstOrDefault();

    /// <summary>Every value of a header, matched case-insensitively.</summary>
    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {BodyText}";
}
