namespace Chalice;

/// <summary>
/// Cross-origin settings of a route (Chalice's <c>CORSConfig</c>). <c>[Route(..., Cors = true)]</c> uses
/// <see cref="Default"/>; <c>[Cors(...)]</c> on a handler or the app class customises it.
/// </summary>
public sealed record CorsConfig
{
    /// <summary>The headers API Gateway's CORS support always allows, as in Chalice.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowHeaders =
        ["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key"];

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

    /// <summary>The headers to add to every response of the route (and of its preflight).</summary>
    public IEnumerable<KeyValuePair<string, string>> GetHeaders()
    {
        yield return new("Access-Control-Allow-Origin", AllowOrigin);
        var allowHeaders = DefaultAllowHeaders.Union(AllowHeaders, StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);
        yield return new("Access-Control-Allow-Headers", string.Join(",", allowHeaders));
        if (ExposeHeaders.Count > 0)
            yield return new("Access-Control-Expose-Headers", string.Join(",", ExposeHeaders));
        if (MaxAge is { } maxAge)
            yield return new("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AllowCredentials)
            yield return new("Access-Control-Allow-Credentials", "true");
    }
}
