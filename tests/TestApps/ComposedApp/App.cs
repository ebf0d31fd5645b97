using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chalice.ComposedApp;

/// <summary>
/// The app class: a few routes of its own, the middleware around every invocation (in declaration order, then the
/// blueprints'), and three blueprints registered with URL and name prefixes. Each middleware writes its name to the
/// invocation's <see cref="InvocationTrail"/> (a scoped service), which some handlers return.
/// </summary>
[ChaliceApp("composedapp")]
[RegisterBlueprint(typeof(OrdersApi), UrlPrefix = "/orders", NamePrefix = "orders_")]
[RegisterBlueprint(typeof(UsersApi), UrlPrefix = "/users", NamePrefix = "users_")]
[RegisterBlueprint(typeof(AdminApi), UrlPrefix = "/admin/", NamePrefix = "admin_")]
public partial class App(ILogger<App> log)
{
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<InvocationTrail>();
        services.AddSingleton<IUserDirectory, UserDirectory>();
    }

    [Route("/")]
    public string Index() => "composedapp";

    /// <summary>What ran before the handler, in order.</summary>
    [Route("/trail")]
    public JsonArray Trail([FromServices] InvocationTrail trail) => trail.Add("handler").ToJson();

    /// <summary>Never runs for a request the gate refuses: it would say so in the log.</summary>
    [Route("/guarded")]
    public string Guarded()
    {
        log.LogInformation("The guarded handler ran");
        return "guarded handler ran";
    }

    /// <summary>Requires the header; a request without one gets it from <see cref="DefaultLanguage"/>.</summary>
    [Route("/greeting")]
    public string Greeting([FromHeader(Name = "Accept-Language")] string language) => $"hello ({language})";

    // Middleware, outermost first.

    /// <summary>Every invocation of every kind: the event of an HTTP request is its Request.</summary>
    [Middleware(MiddlewareKinds.All)]
    public static ValueTask<object?> Everything(object? @event, EventMiddlewareNext next, [FromServices] InvocationTrail trail)
    {
        trail.Add(@event is Request ? "all (http)" : "all");
        return next(@event);
    }

    /// <summary>Maps a domain exception to 409, as ConflictError answers; any other exception goes on (500).</summary>
    [Middleware(MiddlewareKinds.Http)]
    public async Task<Response> MapDomainErrors(Request request, HttpMiddlewareNext next, [FromServices] InvocationTrail trail)
    {
        trail.Add("map-errors");
        try
        {
            return await next(request);
        }
        catch (OutOfStockException e)
        {
            log.LogWarning("Out of stock: {Sku}", e.Sku);
            throw new ConflictError(e.Message);
        }
    }

    /// <summary>Short-circuits: a request with <c>X-Block</c> is answered here, and the handler never runs.</summary>
    [Middleware(MiddlewareKinds.Http)]
    public static ValueTask<Response> Gate(Request request, HttpMiddlewareNext next, [FromServices] InvocationTrail trail)
    {
        trail.Add("gate");
        if (request.Headers.Get("X-Block") is not null)
            return ValueTask.FromResult(new Response(new JsonObject { ["blocked"] = true }, 403));
        return next(request);
    }

    /// <summary>Replaces the request: one without <c>Accept-Language</c> goes on with <c>Accept-Language: en</c>.</summary>
    [Middleware(MiddlewareKinds.Http)]
    public static ValueTask<Response> DefaultLanguage(Request request, HttpMiddlewareNext next)
    {
        if (request.Headers.Get("Accept-Language") is not null)
            return next(request);
        return next(request.WithHeader("Accept-Language", "en"));
    }

    /// <summary>Replaces the response: <c>?shout=1</c> answers the handler's text in capitals.</summary>
    [Middleware(MiddlewareKinds.Http)]
    public static async ValueTask<Response> Shout(Request request, HttpMiddlewareNext next)
    {
        var response = await next(request);
        if (request.QueryParams.Get("shout") != "1" || response.Body is not string text)
            return response;
        var shouted = new Response(text.ToUpperInvariant(), response.StatusCode);
        foreach (var (name, values) in response.Headers)
        {
            foreach (var value in values)
                shouted.Headers.Add(name, value);
        }
        return shouted;
    }

    /// <summary>
    /// Sees every SQS batch: "poison" messages never reach the handler (the event is replaced) and are reported as
    /// failures beside the handler's own (the result is replaced).
    /// </summary>
    [Middleware(MiddlewareKinds.Sqs)]
    public async ValueTask<object?> Quarantine(SqsEvent batch, EventMiddlewareNext next, [FromServices] InvocationTrail trail)
    {
        trail.Add("sqs");
        var poison = batch.Records.Where(m => m.Body == "poison").ToList();
        log.LogInformation("A batch of {Count} messages, {Poison} poison", batch.Records.Count, poison.Count);
        if (poison.Count == 0)
            return await next(batch);
        var result = await next(new SqsEvent { Records = batch.Records.Except(poison).ToList() }) as BatchResponse ?? new BatchResponse();
        foreach (var message in poison)
            result.AddFailure(message);
        return result;
    }

    /// <summary>
    /// An existing wrapper of (event, context) handlers, as a tracing library ships one, turned into middleware for the
    /// schedules: the result names the function it ran in.
    /// </summary>
    [Middleware(MiddlewareKinds.Scheduled)]
    private static readonly ConvertToMiddleware Audited = new(AuditWrapper.Wrap);

    /// <summary>Pure functions: the result the handler returns gets the trail of its invocation.</summary>
    [Middleware(MiddlewareKinds.PureLambda)]
    public static async ValueTask<object?> Stamp(object? input, EventMiddlewareNext next, [FromServices] InvocationTrail trail, ILambdaContext context)
    {
        trail.Add("pure_lambda");
        var result = await next(input);
        if (result is JsonObject json)
            json["trail"] = trail.ToJson();
        return result;
    }
}

/// <summary>A domain exception no handler catches: <see cref="App.MapDomainErrors"/> answers it with 409.</summary>
public sealed class OutOfStockException(string sku) : Exception($"{sku} is out of stock")
{
    public string Sku { get; } = sku;
}
