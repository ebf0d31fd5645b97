namespace Chalice.Gateway;

/// <summary>An HTTP request as the client sent it to API Gateway.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">
/// The path as sent (percent-encoded), without the query string and without a stage prefix; the gateway resolves any
/// <c>.</c> and <c>..</c> segments itself.
/// </param>
/// <param name="QueryString">The raw query string without <c>?</c>, or empty.</param>
/// <param name="Headers">The headers in the order received; a name may repeat.</param>
/// <param name="Body">The body bytes.</param>
public sealed record GatewayRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>The client's address.</summary>
    public string SourceIp { get; init; } = "127.0.0.1";

    /// <summary>The HTTP protocol of the request.</summary>
    public string Protocol { get; init; } = "HTTP/1.1";

    /// <summary>The first value of a header, matched case-insensitively.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }
}

/// <summary>The HTTP response API Gateway sends to the client.</summary>
public sealed record GatewayResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The first value of a header, matched case-insensitively.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }
}

/// <summary>The identifiers API Gateway assigns to one request; they appear in the event and the response headers.</summary>
internal sealed record GatewayRequestIds(string RequestId, string ExtendedRequestId, string TraceId, DateTimeOffset Time);
