using System.Text.Json;
using Chalice.Events;

namespace Chalice;

/// <summary>
/// What API Gateway asks an <see cref="AuthorizerAttribute"/> method (Chalice's <c>AuthRequest</c>): the token of a
/// <c>TOKEN</c> authorizer, or the request of a <c>REQUEST</c> authorizer, and the method ARN being called. The event
/// itself is <see cref="RestEvent"/> (REST APIs, HTTP APIs with payload 1.0) or <see cref="HttpApiEvent"/> (payload 2.0).
/// </summary>
public sealed class AuthRequest
{
    private static readonly IReadOnlyDictionary<string, string> s_none = new Dictionary<string, string>();

    private AuthRequest(string authType, string methodArn)
    {
        AuthType = authType;
        MethodArn = methodArn;
    }

    /// <summary>Wraps the event a REST API (or an HTTP API with payload 1.0) sends.</summary>
    public AuthRequest(ApiGatewayAuthorizerRequest restEvent)
        : this(restEvent.Type, restEvent.MethodArn)
    {
        RestEvent = restEvent;
        Token = restEvent.AuthorizationToken;
        Headers = CaseInsensitive(restEvent.Headers);
        QueryParams = restEvent.QueryStringParameters ?? s_none;
        PathParams = restEvent.PathParameters ?? s_none;
        StageVariables = restEvent.StageVariables ?? s_none;
    }

    /// <summary>Wraps the event an HTTP API sends with payload format 2.0.</summary>
    public AuthRequest(HttpApiV2AuthorizerRequest httpApiEvent)
        : this(httpApiEvent.Type, httpApiEvent.RouteArn)
    {
        HttpApiEvent = httpApiEvent;
        // HTTP APIs have no TOKEN type: an authorizer of one header is a REQUEST authorizer with one identity source.
        Token = httpApiEvent.IdentitySource is [var only] ? only : null;
        Headers = CaseInsensitive(httpApiEvent.Headers);
        QueryParams = httpApiEvent.QueryStringParameters ?? s_none;
        PathParams = httpApiEvent.PathParameters ?? s_none;
        StageVariables = httpApiEvent.StageVariables ?? s_none;
    }

    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    public string AuthType { get; }

    /// <summary>
    /// A <c>TOKEN</c> authorizer's token: the value of its header as the caller sent it, e.g. <c>Bearer abc</c>. Behind
    /// an HTTP API with payload 2.0, the value of its identity source when it has exactly one.
    /// </summary>
    public string? Token { get; }

    /// <summary>The method being called: <c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH</c>.</summary>
    public string MethodArn { get; }

    /// <summary>A <c>REQUEST</c> authorizer's request headers, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = s_none;

    /// <summary>A <c>REQUEST</c> authorizer's query string parameters (the last value of each).</summary>
    public IReadOnlyDictionary<string, string> QueryParams { get; } = s_none;

    /// <summary>A <c>REQUEST</c> authorizer's path parameters.</summary>
    public IReadOnlyDictionary<string, string> PathParams { get; } = s_none;

    /// <summary>A <c>REQUEST</c> authorizer's stage variables.</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; } = s_none;

    /// <summary>The event from a REST API or an HTTP API with payload 1.0; null for payload 2.0.</summary>
    public ApiGatewayAuthorizerRequest? RestEvent { get; }

    /// <summary>The event from an HTTP API with payload 2.0; null otherwise.</summary>
    public HttpApiV2AuthorizerRequest? HttpApiEvent { get; }

    /// <summary>Reads either form of the event: payload 2.0 is the one with <c>version</c> <c>2.0</c>.</summary>
    /// <exception cref="JsonException">The payload is neither.</exception>
    internal static AuthRequest Read(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        return IsPayloadV2(reader)
            ? new AuthRequest(LambdaEventJson.Parse<HttpApiV2AuthorizerRequest>(payload))
            : new AuthRequest(LambdaEventJson.Parse<ApiGatewayAuthorizerRequest>(payload));
    }

    /// <summary>Whether the top-level object has <c>"version": "2.0"</c>.</summary>
    private static bool IsPayloadV2(Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isVersion)
                return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
            reader.Skip();
        }
        return false;
    }

    private static IReadOnlyDictionary<string, string> CaseInsensitive(Dictionary<string, string>? headers) =>
        headers is null ? s_none : new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
}
