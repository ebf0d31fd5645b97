namespace Chalice.Lambda;

/// <summary>A complete HTTP response from the Lambda Runtime API: status, header fields in arrival order, body.</summary>
internal sealed class RuntimeApiResponse(int statusCode, string reasonPhrase, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
{
    public int StatusCode { get; } = statusCode;

    public string ReasonPhrase { get; } = reasonPhrase;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>
    /// The first field of that name, compared case-insensitively as HTTP field names are (RFC 9110 §5.1), or null. The
    /// Lambda-Runtime-* fields are sent once each; the first is what HttpClient's callers here used to read.
    /// </summary>
    public string? Header(string name)
    {
        foreach (var (fieldName, value) in Headers)
        {
            if (string.Equals(fieldName, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }
}
