using System.Text.Json.Nodes;
using Chalice.Events;
using Microsoft.Extensions.Logging;

namespace Chalice.ComposedApp;

/// <summary>Under /orders, functions named orders_…; its own http middleware runs after the app's.</summary>
[Blueprint]
public sealed class OrdersApi(ILogger<OrdersApi> log)
{
    [Route("/")]
    public JsonArray List() => new(JsonValue.Create("o-1"), JsonValue.Create("o-2"));

    /// <summary>"sold-out" throws the domain exception the app's middleware maps to 409; "broken" one that escapes (500).</summary>
    [Route("/{sku}")]
    public JsonObject Get(string sku) => sku switch
    {
        "sold-out" => throw new OutOfStockException(sku),
        "broken" => throw new InvalidOperationException("The order store is down"),
        _ => new JsonObject { ["sku"] = sku },
    };

    /// <summary>Adds the API Gateway request id to every response.</summary>
    [Middleware(MiddlewareKinds.Http)]
    public static async Task<Response> RequestId(Request request, HttpMiddlewareNext next)
    {
        var response = await next(request);
        response.Headers["X-Request-Id"] = request.Context.RequestId ?? "";
        return response;
    }

    /// <summary>Fails messages whose body says so; must never see the poison the middleware takes out.</summary>
    [OnSqsMessage("orders", BatchSize = 10, MaximumBatchingWindowInSeconds = 1)]
    public BatchResponse Process(SqsEvent batch)
    {
        var response = new BatchResponse();
        foreach (var message in batch.Records)
        {
            if (message.Body == "poison")
                throw new InvalidOperationException("The quarantine middleware let poison through");
            if (message.Body.Contains("fail", StringComparison.Ordinal))
            {
                log.LogWarning("Order {Id} failed", message.MessageId);
                response.AddFailure(message);
            }
        }
        return response;
    }
}

/// <summary>Under /users, with a service of its own in its constructor.</summary>
[Blueprint]
public sealed class UsersApi(IUserDirectory directory)
{
    [Route("/{id}")]
    public JsonObject Get(string id) => new() { ["id"] = id, ["name"] = directory.NameOf(id) };

    [Route("/", "POST")]
    public Response Create([FromBody] JsonObject user) => new(user, 201);

    /// <summary>A pure function, invoked as users_lookup.</summary>
    [LambdaFunction(Name = "lookup")]
    public JsonObject Lookup(JsonNode input, [FromServices] InvocationTrail trail)
    {
        var id = input["id"]?.GetValue<string>() ?? "";
        trail.Add("handler");
        return new JsonObject { ["id"] = id, ["name"] = directory.NameOf(id) };
    }
}

/// <summary>Under /admin/ (the trailing '/' is dropped, as Chalice joins prefixes), with static members.</summary>
[Blueprint]
public sealed class AdminApi
{
    [Route("/")]
    public static string Home() => "admin";

    [Route("/health", "GET", "HEAD")]
    public static JsonObject Health() => new() { ["healthy"] = true };

    /// <summary>A schedule, invoked as admin_Nightly.</summary>
    [Schedule("cron(0 3 * * ? *)")]
    public static void Nightly(EventBridgeEvent scheduled, [FromServices] InvocationTrail trail) => trail.Add("nightly " + scheduled.DetailType);
}
