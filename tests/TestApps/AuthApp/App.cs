using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.AuthApp;

/// <summary>Counts the authorizer's invocations, so that tests can see the gateway's cache at work.</summary>
public sealed class AuthorizerCalls
{
    private int _count;

    public int Count => _count;

    public void Add() => Interlocked.Increment(ref _count);
}

// The kinds of authorizer declared on the app rather than written as one of its functions.
[CognitoUserPoolAuthorizer("users", ProviderArns = ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"])]
[IamAuthorizer]
[CustomAuthorizer("partner", "arn:aws:lambda:us-east-1:123456789012:function:partner-auth", TtlSeconds = 60)]
[JwtAuthorizer("jwt", Issuer = "https://issuer.example.com/", Audiences = ["orders-api"])]
[ChaliceApp("authapp")]
public partial class App
{
    public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<AuthorizerCalls>();

    /// <summary>
    /// A TOKEN authorizer whose token says what to answer, as AWS's own samples do: <c>allow</c> the orders, <c>admin</c>
    /// everything, <c>nothing</c> no route, <c>deny</c> an explicit Deny, <c>unauthorized</c> a 401, <c>throw</c> a failure.
    /// </summary>
    [Authorizer(TtlSeconds = 300)]
    public static AuthResponse Tokens(AuthRequest request, [FromServices] AuthorizerCalls calls)
    {
        calls.Add();
        return request.Token switch
        {
            "allow" => new AuthResponse(["/orders", "/orders/*", "/whoami", new AuthRoute("/admin", "GET")], "user-1", new Dictionary<string, string> { ["tier"] = "gold" }),
            "admin" => new AuthResponse(["*"], "admin-1"),
            "nothing" => new AuthResponse([], "user-2"),
            "unauthorized" => AuthResponse.Unauthorized,
            "throw" => throw new InvalidOperationException("the token store is down"),
            _ => AuthResponse.Unauthorized,
        };
    }

    /// <summary>A REQUEST authorizer of a header and a query parameter, never cached.</summary>
    [Authorizer(Name = "ByTenant", TtlSeconds = 0, IdentitySources = ["method.request.header.X-Key", "method.request.querystring.tenant"])]
    public static async Task<AuthResponse> Tenants(AuthRequest request, [FromServices] AuthorizerCalls calls)
    {
        calls.Add();
        await Task.Yield();
        return request.Headers["x-key"] == "secret-" + request.QueryParams["tenant"]
            ? new AuthResponse(["/tenants"], "tenant-" + request.QueryParams["tenant"])
            : new AuthResponse([], "nobody");
    }

    /// <summary>
    /// An HTTP API authorizer with simple responses (payload 2.0): the key <c>open-sesame</c> is allowed with its tier,
    /// any other key is refused.
    /// </summary>
    [Authorizer(Header = "X-Key")]
    public static SimpleAuthResponse Keys(AuthRequest request, [FromServices] AuthorizerCalls calls)
    {
        calls.Add();
        return request.Token switch
        {
            "open-sesame" => SimpleAuthResponse.Allow(new Dictionary<string, string> { ["tier"] = "silver" }),
            _ => SimpleAuthResponse.Deny,
        };
    }

    [Route("/orders", Authorizer = "Tokens")]
    public JsonObject Orders() => Identity();

    [Route("/orders/{id}", "GET", "DELETE", Authorizer = "Tokens")]
    public JsonObject Order(string id) => Identity();

    [Route("/admin", "GET", "POST", Authorizer = "Tokens")]
    public JsonObject Admin() => Identity();

    [Route("/tenants", Authorizer = "ByTenant")]
    public JsonObject Tenant() => Identity();

    /// <summary>The authorizer's values as typed parameters.</summary>
    [Route("/whoami", Authorizer = "Tokens")]
    public string WhoAmI([FromAuthorizer(Name = "principalId")] string user, [FromAuthorizer] string tier, [FromAuthorizer] int? level) =>
        $"{user} ({tier}, level {level?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";

    /// <summary>A route for callers with an API key (<c>x-api-key</c>), and no authorizer.</summary>
    [Route("/partners", ApiKeyRequired = true)]
    public JsonObject Partners() => new() { ["partner"] = true };

    /// <summary>Behind a Cognito user pool (REST APIs): the handler sees the ID token's claims.</summary>
    [Route("/profile", Authorizer = "users")]
    public JsonObject Profile() => Identity();

    /// <summary>Behind IAM (<c>AWS_IAM</c>).</summary>
    [Route("/signed", "GET", "POST", Authorizer = "iam")]
    public JsonObject Signed() => Identity();

    /// <summary>Behind a Lambda authorizer that is not in the app.</summary>
    [Route("/partner", Authorizer = "partner")]
    public JsonObject Partner() => Identity();

    /// <summary>Behind a JWT authorizer (HTTP APIs): the handler sees the token's claims and scopes.</summary>
    [Route("/jwt", Authorizer = "jwt")]
    public JsonObject Jwt() => Identity();

    /// <summary>Behind the simple-response authorizer (HTTP APIs with payload 2.0).</summary>
    [Route("/keys", Authorizer = "Keys")]
    public JsonObject Keyed() => Identity();

    [Route("/public")]
    public JsonObject Public() => new() { ["public"] = true };

    /// <summary>The orders' handler without an authorizer: the baseline of AuthorizerBenchmarks.</summary>
    [Route("/open/orders")]
    public JsonObject OpenOrders() => Identity();

    /// <summary>What the handler sees of the authorizer: <c>requestContext.authorizer</c>.</summary>
    private JsonObject Identity() => new() { ["authorizer"] = CurrentRequest.Context.Authorizer?.DeepClone() };
}
