using System.Globalization;

namespace Chalice;

/// <summary>
/// Cross-origin settings of a route (Chalice's <c>CORSConfig</c>), and the one place that turns them into headers:
/// those added to the route's responses, and those of the preflight API Gateway answers for its path. The dispatcher,
/// the gateway simulation and the deployer's API definition all ask this type, so they cannot disagree.
/// <c>[Route(..., Cors = true)]</c> uses <see cref="Default"/>; <c>[Cors(...)]</c> on a handler or the app class
/// customises it.
/// </summary>
public sealed record CorsConfig
{
    /// <summary>The headers API Gateway's CORS support always allows, as in Chalice.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowHeaders =
        ["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key"];

    /// <summary>The method API Gateway answers a preflight on.</summary>
    public const string PreflightMethod = "OPTIONS";

    /// <summary>Allow any origin, the default headers, no credentials.</summary>
    public static CorsConfig Default { get; } = new();

    /// <summary><c>Access-Control-Allow-Origin</c>.</summary>
    public string AllowOrigin { get; init; } = "*";

    /// <summary>Headers allowed in addition to <see cref="DefaultAllowHeaders"/>.</summary>
    public IReadOnlyList<string> AllowHeaders { get; init; } = [];

    /// <summary><c>Access-Control-Expose-Headers</c>.</summary>
    public IReadOnlyList<string> ExposeHeaders { get; init; } = [];

    /// <summary><c>Access-Control-Max-Age</c> in seconds, or null to omit it.</summary>
    public int? MaxAge { get; init; }

    /// <summary>Whether to send <c>Access-Control-Allow-Credentials: true</c>.</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>
    /// The headers added to every response of the route (Chalice's <c>get_access_control_headers</c>): the allowed
    /// origin and headers, and the exposed headers, max age and credentials when set.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> GetHeaders()
    {
        yield return new("Access-Control-Allow-Origin", AllowOrigin);
        var allowHeaders = DefaultAllowHeaders.Union(AllowHeaders, StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);
        yield return new("Access-Control-Allow-Headers", string.Join(",", allowHeaders));
        if (ExposeHeaders.Count > 0)
            yield return new("Access-Control-Expose-Headers", string.Join(",", ExposeHeaders));
        if (MaxAge is { } maxAge)
            yield return new("Access-Control-Max-Age", maxAge.ToString(CultureInfo.InvariantCulture));
        if (AllowCredentials)
            yield return new("Access-Control-Allow-Credentials", "true");
    }

    /// <summary>
    /// The headers of the preflight API Gateway answers for a path, which Chalice deploys as a mock <c>OPTIONS</c>
    /// method; null when the path gets none, because none of its methods has CORS or the app serves <c>OPTIONS</c>
    /// itself. <c>Access-Control-Allow-Methods</c> lists only the methods that have CORS, in declaration order, then
    /// <c>OPTIONS</c>; the other headers are the CORS settings' own (Chalice requires one setting per path, so the
    /// first method's stands for all). As in Chalice: <c>_add_route_paths</c> and <c>_add_preflight_request</c> in
    /// https://github.com/aws/chalice/blob/51ac904059a27a79a792d74037728594c1a427f5/chalice/deploy/swagger.py and
    /// <c>_autogen_options_headers</c> in chalice/local.py at the same commit.
    /// </summary>
    /// <param name="methods">The path's methods in declaration order, each with its route's CORS settings or null.</param>
    public static IReadOnlyList<KeyValuePair<string, string>>? GetPreflightHeaders(IEnumerable<KeyValuePair<string, CorsConfig?>> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        CorsConfig? cors = null;
        var allowed = new List<string>();
        foreach (var (method, methodCors) in methods)
        {
            if (string.Equals(method, PreflightMethod, StringComparison.OrdinalIgnoreCase))
                return null;
            if (methodCors is null)
                continue;
            cors ??= methodCors;
            allowed.Add(method.ToUpperInvariant());
        }
        if (cors is null)
            return null;
        allowed.Add(PreflightMethod);
        return [new("Access-Control-Allow-Methods", string.Join(",", allowed)), .. cors.GetHeaders()];
    }
}
