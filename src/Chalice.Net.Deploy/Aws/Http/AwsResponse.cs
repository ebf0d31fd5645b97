using System.Net;

namespace Chalice.Deploy.Aws.Http;

/// <summary>A successful response, fully read.</summary>
internal sealed record AwsResponse(HttpStatusCode StatusCode, byte[] Body, string? RequestId)
{
    /// <summary>The stand-in for a delete whose replay found the resource already gone.</summary>
    public static AwsResponse AlreadyDeleted { get; } = new(HttpStatusCode.NoContent, [], null);
}
