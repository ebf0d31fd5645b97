using Chalice.Hosting;

namespace Chalice.Gateway;

/// <summary>Which kind of API Gateway API, and which Lambda payload format, to emulate.</summary>
public enum ApiGatewayType
{
    /// <summary>A REST API with the Lambda proxy integration (payload format 1.0). Chalice's default.</summary>
    Rest,

    /// <summary>An HTTP API with payload format 1.0.</summary>
    HttpPayloadV1,

    /// <summary>An HTTP API with payload format 2.0.</summary>
    HttpPayloadV2,
}

/// <summary>How the emulated gateway is configured.</summary>
public sealed record GatewayOptions
{
    /// <summary>The API type.</summary>
    public ApiGatewayType ApiType { get; init; } = ApiGatewayType.Rest;

    /// <summary>The stage name; HTTP APIs use <c>$default</c>, REST APIs Chalice's <c>api</c>, unless set.</summary>
    public string? Stage { get; init; }

    /// <summary>The stage name in effect.</summary>
    public string EffectiveStage => Stage ?? (ApiType == ApiGatewayType.Rest ? "api" : "$default");

    /// <summary>Stage variables passed in every event.</summary>
    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>The account id reported in request contexts.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The API id reported in request contexts.</summary>
    public string ApiId { get; init; } = "local";

    /// <summary>
    /// REST APIs: media types passed to Lambda as base64 and returned as binary. Null (the default) means the app's
    /// own list (<see cref="ChaliceAppDefinition.BinaryMediaTypes"/>) in the emulator and the test client, as the
    /// deployed API has it; Chalice's defaults for a simulator made from a route table alone.
    /// </summary>
    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

    /// <summary>The binary media types in effect.</summary>
    internal IReadOnlyList<string> EffectiveBinaryMediaTypes => BinaryMediaTypes ?? Chalice.BinaryMediaTypes.Default;

    /// <summary>These options for <paramref name="app"/>: its binary media types unless the options name their own.</summary>
    internal static GatewayOptions For(ChaliceAppDefinition app, GatewayOptions? options)
    {
        options ??= new GatewayOptions();
        return options.BinaryMediaTypes is null ? options with { BinaryMediaTypes = app.BinaryMediaTypes } : options;
    }

    /// <summary>API Gateway's request payload limit (10 MB).</summary>
    public int MaxRequestBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Lambda's synchronous payload limit (6 MB) for the event and the response.</summary>
    public int MaxLambdaPayloadBytes { get; init; } = 6 * 1024 * 1024;

    /// <summary>The region in the method ARNs authorizers see (<c>arn:aws:execute-api:REGION:…</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>
    /// Whether a route whose authorizer cannot run locally (one that is not an <c>[Authorizer]</c> method of the app) is
    /// served without it, with a warning per request; by default such a route denies every request (403), since it is
    /// never served unauthenticated in silence. <c>"local_authorizers": "allow"</c> in <c>.chalice/config.json</c>.
    /// </summary>
    public bool AllowUnavailableAuthorizers { get; init; }

    /// <summary>
    /// The API key values a route with <c>ApiKeyRequired</c> accepts in <c>x-api-key</c> (the stage's <c>api_keys</c>);
    /// with none, such a route answers every request 403, as a deployed stage without keys does.
    /// </summary>
    public IReadOnlyCollection<string> ApiKeys { get; init; } = [];

    /// <summary>The integration timeout (29 s by default).</summary>
    public TimeSpan IntegrationTimeout { get; init; } = TimeSpan.FromSeconds(29);
}
