using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice;

/// <summary>
/// An HTTP API authorizer's simple answer (payload format 2.0 with simple responses on): the caller may call the route
/// or not, and values the handler sees in <c>requestContext.authorizer.lambda</c>. An <see cref="AuthorizerAttribute"/>
/// method that returns it is deployed with <c>EnableSimpleResponses</c>; it exists on HTTP APIs with payload 2.0 only
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html). Not authorized is
/// API Gateway's <c>403 {"message":"Forbidden"}</c>; for a route-by-route answer, return an <see cref="AuthResponse"/>.
/// </summary>
/// <example>
/// <code>
/// [Authorizer]
/// public static SimpleAuthResponse Keys(AuthRequest request) =&gt; request.Token == "secret"
///     ? SimpleAuthResponse.Allow(new Dictionary&lt;string, string&gt; { ["tier"] = "gold" })
///     : SimpleAuthResponse.Deny;
/// </code>
/// </example>
public sealed class SimpleAuthResponse
{
    private SimpleAuthResponse(bool isAuthorized, IReadOnlyDictionary<string, string>? context)
    {
        IsAuthorized = isAuthorized;
        Context = context ?? new Dictionary<string, string>();
    }

    /// <summary>Whether the caller may call the route.</summary>
    public bool IsAuthorized { get; }

    /// <summary>Values the handler sees in <c>requestContext.authorizer.lambda</c>.</summary>
    public IReadOnlyDictionary<string, string> Context { get; }

    /// <summary>"Not authorized": API Gateway answers <c>403 {"message":"Forbidden"}</c>.</summary>
    public static SimpleAuthResponse Deny { get; } = new(false, null);

    /// <summary>The caller may call the route; <paramref name="context"/> is passed on to the handler.</summary>
    public static SimpleAuthResponse Allow(IReadOnlyDictionary<string, string>? context = null) => new(true, context);

    /// <summary>The answer as API Gateway reads it: <c>{"isAuthorized": …, "context": {…}}</c>.</summary>
    internal HttpApiV2AuthorizerSimpleResponse ToWire()
    {
        var context = new JsonObject();
        foreach (var (key, value) in Context)
            context[key] = value;
        return new HttpApiV2AuthorizerSimpleResponse { IsAuthorized = IsAuthorized, Context = context };
    }
}
