using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chalice.Local.S3.Protocol;

/// <summary>The bucket and key a request names, path-style (<c>/bucket/key</c>) or virtual-host style (<c>bucket.localhost</c>).</summary>
internal readonly record struct S3Address(string? Bucket, string? Key)
{
    private const string VirtualHostSuffix = ".localhost";

    /// <summary>
    /// Reads the address from the raw request target rather than <see cref="HttpRequest.Path"/>: the server normalizes
    /// the path (removing <c>..</c> segments, merging slashes), and S3 keys are taken verbatim.
    /// </summary>
    public static S3Address From(HttpContext context)
    {
        var path = RawPath(context);
        var host = context.Request.Host.Host;
        if (host.Length > VirtualHostSuffix.Length && host.EndsWith(VirtualHostSuffix, StringComparison.OrdinalIgnoreCase))
            return new(host[..^VirtualHostSuffix.Length], NullIfEmpty(Decode(path.TrimStart('/'))));

        var trimmed = path.StartsWith('/') ? path[1..] : path;
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new(NullIfEmpty(Decode(trimmed)), null)
            : new(NullIfEmpty(Decode(trimmed[..slash])), NullIfEmpty(Decode(trimmed[(slash + 1)..])));
    }

    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target == "*")
            target = context.Request.PathBase.ToUriComponent() + context.Request.Path.ToUriComponent();
        else if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
            target = absolute.AbsolutePath;

        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];

        // Mounted under a path base (app.Map("/s3", …)), the address starts after it.
        var pathBase = context.Request.PathBase.ToUriComponent();
        return pathBase.Length > 0 && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase) ? path[pathBase.Length..] : path;
    }

    private static string Decode(string segment) => Uri.UnescapeDataString(segment);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
