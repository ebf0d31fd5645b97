using System.Text;
using System.Text.Json.Nodes;
using Chalice.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chalice.TestApp;

// A media type of its own, beside Chalice's binary defaults: the gateway tests check it is binary locally as when deployed.
[ChaliceApp("testapp", BinaryMediaTypes = ["application/x-testapp-blob"])]
public partial class App
{
    private readonly IGreeter _greeter;
    private readonly ILogger<App> _log;

    public App(IGreeter greeter, ILogger<App> log)
    {
        // Lets the Lambda tests prove that a failing start-up is reported to /init/error.
        if (Environment.GetEnvironmentVariable("TESTAPP_FAIL_INIT") is { Length: > 0 } reason)
            throw new InvalidOperationException(reason);
        _greeter = greeter;
        _log = log;
    }

    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IGreeter, Greeter>();
        services.AddScoped<RequestScope>();
    }

    [Route("/")]
    public JsonObject Index() => new() { ["hello"] = "world" };

    [Route("/users/{id}")]
    public User GetUser(int id, [FromQuery] bool verbose = false) => new(id, $"user{id}", verbose ? "verbose" : null);

    [Route("/users", "POST")]
    public Response CreateUser([FromBody] User user) => new(user, 201, [new("Location", $"/users/{user.Id}")]);

    [Route("/search")]
    public async Task<string[]> Search([FromQuery] string q, [FromQuery(Name = "tag")] string[] tags, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return [q, .. tags, limit?.ToString() ?? "no-limit"];
    }

    [Route("/headers")]
    public Dictionary<string, string> Headers(
        [FromHeader(Name = "X-Trace")] Guid trace, [FromHeader(Name = "X-Tag")] string[] tags, [FromHeader(Name = "X-Since")] DateTimeOffset? since) =>
        new()
        {
            ["trace"] = trace.ToString(),
            ["tags"] = string.Join("|", tags),
            ["since"] = since?.ToUniversalTime().ToString("O") ?? "none",
        };

    [Route("/values")]
    public JsonObject Values(
        [FromQuery] DateTime when, [FromQuery] Color color, [FromQuery] double ratio, [FromQuery] long big,
        [FromQuery] decimal price, [FromQuery] Color[]? extra, [FromQuery] string greeting = "hi") =>
        new()
        {
            ["when"] = when.ToString("O"),
            ["kind"] = when.Kind.ToString(),
            ["color"] = color.ToString(),
            ["ratio"] = ratio,
            ["big"] = big,
            ["price"] = price,
            ["extra"] = string.Join(",", extra ?? []),
            ["greeting"] = greeting,
        };

    [Route("/files/{path+}")]
    public string File(string path) => "greedy:" + path;

    [Route("/files/special")]
    public string SpecialFile() => "literal";

    [Route("/files/{name}/meta")]
    public string FileMeta(string name) => "param:" + name;

    [Route("/binary")]
    public byte[] Binary() => [0, 1, 2, 255];

    [Route("/stream")]
    public Stream Streamed() => new MemoryStream(Encoding.UTF8.GetBytes("streamed"));

    [Route("/nothing", "POST")]
    public void Nothing()
    {
    }

    [Route("/later", "DELETE")]
    public async Task Later() => await Task.Yield();

    [Route("/double/{n}")]
    public ValueTask<int> Double(int n) => ValueTask.FromResult(n * 2);

    [Route("/cors", "GET", "PUT", Cors = true)]
    public string CorsDefault() => "cors";

    // Only POST allows cross-origin calls here, so the preflight offers POST (and OPTIONS) but not GET.
    [Route("/cors/mixed")]
    public string MixedGet() => "same-origin only";

    [Route("/cors/mixed", "POST", Cors = true)]
    public string MixedPost() => "cross-origin";

    [Route("/cors/custom")]
    [Cors(AllowOrigin = "https://example.com", AllowHeaders = ["X-Custom"], ExposeHeaders = ["X-Out"], MaxAge = 600, AllowCredentials = true)]
    public string CorsCustom() => "custom";

    [Route("/text", "POST", ContentTypes = ["text/plain"])]
    public string Shout([FromBody] string body) => body.ToUpperInvariant();

    [Route("/blob", "POST", ContentTypes = ["application/x-testapp-blob"])]
    public Response ReversedBlob([FromBody] byte[] body) =>
        new(body.Reverse().ToArray(), 200, [new("Content-Type", "application/x-testapp-blob")]);

    [Route("/raw", "POST", ContentTypes = ["application/octet-stream"])]
    public int RawLength([FromBody] byte[] body) => body.Length;

    [Route("/json", "POST")]
    public JsonNode? EchoJson([FromBody] JsonNode? body) => body;

    [Route("/errors/{kind}")]
    public void Fail(ErrorKind kind) => throw kind switch
    {
        ErrorKind.View => new ChaliceViewError("view failed"),
        ErrorKind.BadRequest => new BadRequestError("bad request"),
        ErrorKind.Unauthorized => new UnauthorizedError("who are you"),
        ErrorKind.Forbidden => new ForbiddenError("not yours"),
        ErrorKind.NotFound => new NotFoundError("nothing here"),
        ErrorKind.MethodNotAllowed => new MethodNotAllowedError("not like that", ["GET", "POST"]),
        ErrorKind.RequestTimeout => new RequestTimeoutError("too slow"),
        ErrorKind.Conflict => new ConflictError("already there"),
        ErrorKind.UnprocessableEntity => new UnprocessableEntityError("makes no sense"),
        _ => new TooManyRequestsError("slow down"),
    };

    [Route("/crash")]
    public string Crash() => throw new InvalidOperationException("secret internal detail");

    [Route("/request", "GET", "POST", "PUT")]
    public JsonObject RequestInfo()
    {
        var request = CurrentRequest;
        return new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["rawPath"] = request.RawPath,
            ["query"] = string.Join(",", request.QueryParams.GetList("q")),
            ["header"] = request.Headers["x-custom"],
            ["json"] = request.JsonBody?.DeepClone(),
            ["text"] = request.RawBodyText,
            ["stage"] = request.Context.Stage,
            ["sourceIp"] = request.Context.SourceIp,
            ["stageVar"] = request.StageVariables.GetValueOrDefault("color"),
        };
    }

    [Route("/greet/{name}")]
    public string Greet(string name, [FromServices] RequestScope scope, Request request) =>
        $"{_greeter.Greet(name)} ({(scope.Id != Guid.Empty ? "scoped" : "?")}, {request.UriParams["name"]})";

    [Route("/object/{kind}")]
    public object? AnyObject(string kind) => kind switch
    {
        "null" => null,
        "text" => "plain text",
        "node" => new JsonObject { ["node"] = true },
        "user" => new User(7, "seven"),
        _ => new Response("teapot", 418),
    };

    [Route("/static")]
    public static string Static() => "static";

    [Route("/cookies")]
    public Response Cookies()
    {
        var response = new Response(new JsonObject { ["ok"] = true });
        response.Headers.Add("Set-Cookie", "a=1");
        response.Headers.Add("Set-Cookie", "b=2");
        return response;
    }

    [Route("/lambda-context")]
    public JsonObject LambdaContextInfo(ILambdaContext context) => new()
    {
        ["requestId"] = context.AwsRequestId,
        ["functionArn"] = context.InvokedFunctionArn,
        ["functionName"] = context.FunctionName,
        ["remainingMs"] = context.RemainingTime.TotalMilliseconds,
        ["deadline"] = context.Deadline.ToUnixTimeMilliseconds(),
        ["traceId"] = context.TraceId,
        ["traceEnv"] = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"),
        ["clientContext"] = context.ClientContext,
        ["cognitoIdentity"] = context.CognitoIdentity,
    };

    [Route("/log/{message}")]
    public string Log(string message)
    {
        LogMessage(_log, message);
        return "logged";
    }

    /// <summary>One entry at every level, then an error with an exception: what Lambda's formats and level filter see.</summary>
    [Route("/log-levels/{tag}")]
    public string LogLevels(string tag, [FromQuery] int count = 0)
    {
        foreach (var level in (LogLevel[])[LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical])
            LogAtLevel(_log, level, tag, level, count);
        LogFailure(_log, new InvalidOperationException("the disk is full"), tag);
        return "logged";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogMessage(ILogger logger, string message);

    [LoggerMessage(Message = "{Tag} at {Level} with {Count} items")]
    private static partial void LogAtLevel(ILogger logger, LogLevel logLevel, string tag, LogLevel level, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Tag} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string tag);

    /// <summary>Returns a value no JSON context describes: encoding the response fails, so the function fails.</summary>
    [Route("/unencodable")]
    public object Unencodable() => new Version(1, 2);

    [Route("/big/{bytes}")]
    public string Big(int bytes) => new('x', bytes);

    [Route("/slow/{ms}")]
    public async Task<string> Slow(int ms, CancellationToken cancellationToken)
    {
        await Task.Delay(ms, cancellationToken);
        return "done";
    }

    /// <summary>The ambient activity the handler runs under, if the host created one for the request.</summary>
    [Route("/activity")]
    public string Activity() => System.Diagnostics.Activity.Current?.OperationName ?? "none";
}
