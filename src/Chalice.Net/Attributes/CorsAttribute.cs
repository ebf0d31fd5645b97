namespace Chalice;

/// <summary>
/// Custom CORS settings (Chalice's <c>CORSConfig</c>) for a handler's routes, or for every route when placed on the
/// app class. Implies <c>Cors = true</c> on the routes it applies to.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class CorsAttribute : Attribute
{
    /// <summary><c>Access-Control-Allow-Origin</c> (default <c>*</c>).</summary>
    public string AllowOrigin { get; set; } = "*";

    /// <summary>Headers allowed in addition to the default set.</summary>
    public string[]? AllowHeaders { get; set; }

    /// <summary><c>Access-Control-Expose-Headers</c>.</summary>
    public string[]? ExposeHeaders { get; set; }

    /// <summary><c>Access-Control-Max-Age</c> in seconds; negative omits it.</summary>
    public int MaxAge { get; set; } = -1;

    /// <summary>Send <c>Access-Control-Allow-Credentials: true</c>.</summary>
    public bool AllowCredentials { get; set; }
}
