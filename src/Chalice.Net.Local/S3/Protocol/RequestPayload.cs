namespace Chalice.Local.S3.Protocol;

/// <summary>The payload of a request body, which the SDK may frame with <c>aws-chunked</c>.</summary>
internal static class RequestPayload
{
    /// <summary>
    /// Whether the body is aws-chunked. Streaming uploads announce themselves by their content hash
    /// (<c>STREAMING-…</c>); <c>Content-Encoding: aws-chunked</c> is the older signal.
    /// </summary>
    public static bool IsAwsChunked(S3Call call) =>
        call.Header("x-amz-content-sha256")?.StartsWith("STREAMING-", StringComparison.Ordinal) == true
        || call.Request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.OrdinalIgnoreCase);

    /// <summary>The payload as a stream: the body itself, or its decoded chunks.</summary>
    public static Stream Open(S3Call call) => IsAwsChunked(call) ? new AwsChunkedStream(call.Request.BodyReader) : call.Request.Body;
}
