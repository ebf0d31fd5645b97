using System.Globalization;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Protocol;

/// <summary>How an object's stored properties travel in HTTP headers, in both directions.</summary>
internal static class ObjectHeaders
{
    public const string UserMetadataPrefix = "x-amz-meta-";
    private const string AwsChunkedEncoding = "aws-chunked";

    /// <summary>The properties an upload (or a copy with <c>REPLACE</c>) sets through its headers.</summary>
    public static ObjectProperties ReadProperties(HttpRequest request)
    {
        var userMetadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith(UserMetadataPrefix, StringComparison.OrdinalIgnoreCase))
                userMetadata[name[UserMetadataPrefix.Length..].ToLowerInvariant()] = value.ToString();
        }
        return new ObjectProperties(
            ContentType: NullIfEmpty(request.ContentType) ?? ObjectProperties.DefaultContentType,
            ContentEncoding: StoredContentEncoding(request.Headers.ContentEncoding.ToString()),
            ContentDisposition: NullIfEmpty(request.Headers.ContentDisposition.ToString()),
            ContentLanguage: NullIfEmpty(request.Headers.ContentLanguage.ToString()),
            CacheControl: NullIfEmpty(request.Headers.CacheControl.ToString()),
            Expires: NullIfEmpty(request.Headers.Expires.ToString()),
            UserMetadata: userMetadata);
    }

    /// <summary>The headers GET and HEAD return for an object (everything but length and range).</summary>
    public static void Write(HttpResponse response, StoredObject stored)
    {
        var headers = response.Headers;
        var properties = stored.Properties;
        headers.ETag = stored.ETag;
        WriteVersionId(response, stored);
        headers.LastModified = S3Xml.HttpDate(stored.LastModified);
        headers.AcceptRanges = "bytes";
        response.ContentType = properties.ContentType;
        SetIfPresent(headers, "Content-Encoding", properties.ContentEncoding);
        SetIfPresent(headers, "Content-Disposition", properties.ContentDisposition);
        SetIfPresent(headers, "Content-Language", properties.ContentLanguage);
        SetIfPresent(headers, "Cache-Control", properties.CacheControl);
        SetIfPresent(headers, "Expires", properties.Expires);
        foreach (var (name, value) in properties.UserMetadata)
            headers[UserMetadataPrefix + name] = value;
    }

    /// <summary>
    /// <c>x-amz-version-id</c>, which S3 sends for a version made while the bucket's versioning was enabled; the null
    /// version of a bucket whose versioning was never set has none.
    /// </summary>
    public static void WriteVersionId(HttpResponse response, StoredObject stored)
    {
        if (stored.VersionId is not null)
            response.Headers["x-amz-version-id"] = stored.VersionId;
    }

    /// <summary>Applies GetObject's <c>response-*</c> query overrides, which replace the stored headers for one response.</summary>
    public static void ApplyResponseOverrides(S3Call call)
    {
        foreach (var (parameter, header) in ResponseOverrides)
        {
            if (call.Query(parameter) is { Length: > 0 } value)
                call.Response.Headers[header] = value;
        }
    }

    /// <summary>The query parameters <see cref="ApplyResponseOverrides"/> understands.</summary>
    public static IEnumerable<string> ResponseOverrideParameters => ResponseOverrides.Select(o => o.Parameter);

    private static readonly (string Parameter, string Header)[] ResponseOverrides =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    /// <summary>A time from an HTTP date header, or null when absent or unparseable (S3 then ignores the condition).</summary>
    public static DateTimeOffset? ParseHttpDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    // aws-chunked describes how this request's body was framed, not the object, so S3 does not store it.
    private static string? StoredContentEncoding(string header)
    {
        var codings = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !c.Equals(AwsChunkedEncoding, StringComparison.OrdinalIgnoreCase));
        return NullIfEmpty(string.Join(',', codings));
    }

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
            headers[name] = value;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
