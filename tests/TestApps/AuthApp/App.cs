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

    [Route("/public")]
    public JsonObject Public() => new() { ["public"] = true };

    /// <summary>The orders' handler without an authorizer: the baseline of AuthorizerBenchmarks.</summary>
    [Route("/open/orders")]
    public JsonObject OpenOrders() => Identity();

    /// <summary>What the handler sees of the authorizer: <c>requestContext.authorizer</c>.</summary>
    private JsonObject Identity() => new() { ["authorizer"] = CurrentRequest.Context.Authorizer?.DeepClone() };
}
