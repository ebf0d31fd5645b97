using System.Globalization;

namespace Chalice;

/// <summary>
/// The one CORS configuration of an HTTP API (API Gateway v2), made from the app's routes: the deployer writes it as
/// the API's <c>corsConfiguration</c>, and the emulator answers as API Gateway does with it
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html): it "automatically sends a
/// response to preflight OPTIONS requests, even if there isn't an OPTIONS route", adds the configured headers to the
/// integration's responses, "ignores CORS headers returned from your backend integration", and returns CORS headers
/// only to a request with an <c>Origin</c> (a preflight: with <c>Access-Control-Request-Method</c> too).
/// </summary>
/// <param name="AllowOrigin">The allowed origin: <c>*</c>, an origin, or a scheme prefix such as <c>https://*</c>.</param>
/// <param name="AllowHeaders">The allowed request headers.</param>
/// <param name="AllowMethods">The app's methods, then <c>OPTIONS</c>, as a REST API's preflight lists them.</param>
/// <param name="ExposeHeaders">The response headers scripts may read.</param>
/// <param name="MaxAge">How long a preflight may be cached, in seconds, or null.</param>
/// <param name="AllowCredentials">Whether credentials are allowed.</param>
internal sealed record HttpApiCorsConfiguration(
    string AllowOrigin, IReadOnlyList<string> AllowHeaders, IReadOnlyList<string> AllowMethods, IReadOnlyList<string> ExposeHeaders,
    int? MaxAge, bool AllowCredentials)
{
    /// <summary>
    /// The configuration of an HTTP API serving <paramref name="routes"/>, or null when no route has CORS. An HTTP API
    /// has one configuration for all its routes, so they must all have the same settings (those <see cref="CorsConfig"/>
    /// gives a route), or none has any: a mix would serve CORS where the app has none.
    /// </summary>
    /// <exception cref="InvalidDataException">Routes have different CORS settings.</exception>
    public static HttpApiCorsConfiguration? For(IEnumerable<(string Path, IReadOnlyList<string> Methods, CorsConfig? Cors)> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var settings = routes.ToList();
        if (settings.FirstOrDefault(s => s.Cors is not null) is not { Cors: { } cors } first)
            return null;
        // Settings are the same when they give the same headers.
        static string? HeadersOf(CorsConfig? config) => config is null ? null : string.Join('\n', config.GetHeaders());
        if (settings.FirstOrDefault(s => HeadersOf(s.Cors) != HeadersOf(cors)) is { Path: not null } other)
            throw new InvalidDataException(
                $"On an HTTP API, CORS applies to every route, but {first.Path} and {other.Path} have different CORS settings" +
                $"{(other.Cors is null ? $" ({other.Path} has none)" : "")}; give every route the same, or use \"api_gateway_type\": \"rest\".");
        var headers = cors.GetHeaders().ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var methods = settings.SelectMany(s => s.Methods).Select(m => m.ToUpperInvariant()).Append(CorsConfig.PreflightMethod).Distinct().ToList();
        return new HttpApiCorsConfiguration(
            cors.AllowOrigin, headers["Access-Control-Allow-Headers"].Split(','), methods,
            headers.TryGetValue("Access-Control-Expose-Headers", out var expose) ? expose.Split(',') : [], cors.MaxAge, cors.AllowCredentials);
    }

    /// <summary>
    /// The <c>Access-Control-Allow-Origin</c> API Gateway answers <paramref name="origin"/> with: <c>*</c> when any origin
    /// is allowed, the origin itself when it is the allowed one or has the allowed scheme prefix (<c>https://*</c>);
    /// null when it is not allowed or the request has none.
    /// </summary>
    public string? AllowedOrigin(string? origin)
    {
        if (string.IsNullOrEmpty(origin))
            return null;
        if (AllowOrigin == "*")
            return "*";
        if (AllowOrigin.EndsWith("://*", StringComparison.Ordinal))
            return origin.StartsWith(AllowOrigin[..^1], StringComparison.OrdinalIgnoreCase) ? origin : null;
        return string.Equals(origin, AllowOrigin, StringComparison.OrdinalIgnoreCase) ? origin : null;
    }

    /// <summary>The headers of the answer to a preflight from <paramref name="allowedOrigin"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> PreflightHeaders(string allowedOrigin)
    {
        yield return new("Access-Control-Allow-Origin", allowedOrigin);
        yield return new("Access-Control-Allow-Methods", string.Join(",", AllowMethods));
        yield return new("Access-Control-Allow-Headers", string.Join(",", AllowHeaders));
        if (MaxAge is { } maxAge)
            yield return new("Access-Control-Max-Age", maxAge.ToString(CultureInfo.InvariantCulture));
        if (AllowCredentials)
            yield return new("Access-Control-Allow-Credentials", "true");
    }

    /// <summary>The headers added to the integration's response to a request from <paramref name="allowedOrigin"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ResponseHeaders(string allowedOrigin)
    {
        yield return new("Access-Control-Allow-Origin", allowedOrigin);
        if (ExposeHeaders.Count > 0)
            yield return new("Access-Control-Expose-Headers", string.Join(",", ExposeHeaders));
        if (AllowCredentials)
            yield return new("Access-Control-Allow-Credentials", "true");
    }
}
