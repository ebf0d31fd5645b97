namespace Chalice.Configuration;

/// <summary>
/// Which kind of API Gateway API a stage deploys, and so which the emulator serves: the stage's
/// <c>"api_gateway_type"</c> setting and the emulator's <c>--api</c> option, which share these names (<see cref="ApiKinds"/>).
/// </summary>
public enum ApiKind
{
    /// <summary><c>rest</c>: a REST API (API Gateway v1) with Lambda proxy integrations, payload format 1.0. Chalice's API, the default.</summary>
    Rest,

    /// <summary><c>http</c>: an HTTP API (API Gateway v2) with Lambda proxy integrations, payload format 2.0.</summary>
    Http,

    /// <summary><c>http-v1</c>: an HTTP API (API Gateway v2) with Lambda proxy integrations, payload format 1.0.</summary>
    HttpV1,
}

/// <summary>The names of <see cref="ApiKind"/> in <c>.chalice/config.json</c> and on the emulator's command line.</summary>
public static class ApiKinds
{
    /// <summary>Every name, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rest", "http", "http-v1"];

    /// <summary>The kind a name stands for (case-insensitive); false for any other text.</summary>
    public static bool TryParse(string name, out ApiKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = Names.ToList().FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        kind = (ApiKind)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The name of a kind, as the config file and <c>--api</c> write it.</summary>
    public static string NameOf(ApiKind kind) => Names[(int)kind];

    /// <summary>Whether the kind is an HTTP API (API Gateway v2), whatever its payload format.</summary>
    public static bool IsHttpApi(this ApiKind kind) => kind != ApiKind.Rest;

    /// <summary>The Lambda payload format version the API sends its integration: <c>1.0</c> or <c>2.0</c>.</summary>
    public static string PayloadFormatVersion(this ApiKind kind) => kind == ApiKind.Http ? "2.0" : "1.0";
}
