namespace Chalice;

/// <summary>
/// A full HTTP response from a handler, when the status code or headers matter (Chalice's <c>Response</c>).
/// <para>
/// The body may be a <see cref="string"/> (sent as is, <c>text/plain</c> unless a Content-Type is set), a
/// <see cref="byte"/> array, <see cref="ReadOnlyMemory{T}"/> of bytes or a <see cref="Stream"/> (binary, base64 on
/// the wire, <c>application/octet-stream</c> by default), null (empty), or any value the app's JSON contexts can
/// serialize (<c>application/json</c>).
/// </para>
/// </summary>
public sealed class Response
{
    /// <summary>Creates a response.</summary>
    public Response(object? body = null, int statusCode = 200, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        Body = body;
        StatusCode = statusCode;
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
                Headers.Add(name, value);
        }
    }

    /// <summary>The body; see the type's remarks for how each kind is sent.</summary>
    public object? Body { get; set; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>The headers; a name may have several values.</summary>
    public ResponseHeaders Headers { get; } = new();
}
