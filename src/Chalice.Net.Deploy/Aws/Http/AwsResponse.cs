using System.Net;

namespace Chalice.Deploy.Aws.Http;

/// <summary>A successful response, fully read.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body's bytes.</param>
/// <param name="RequestId">The AWS request id, if the service sent one.</param>
internal sealed record AwsResponse(HttpStatusCode StatusCode, byte[] Body, string? RequestId)
{
    /// <summary>The stand-in for a delete whose replay found the resource already gone.</summary>
    public static AwsResponse AlreadyDeleted { get; } = new(HttpStatusCode.NoContent, [], null);

    /// <summary>
    /// The response headers (first value of each, names compared case-insensitively): some operations answer in
    /// headers, as Lambda's <c>Invoke</c> does with <c>X-Amz-Function-Error</c> and <c>X-Amz-Log-Result</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A header's value, or null when the response has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
