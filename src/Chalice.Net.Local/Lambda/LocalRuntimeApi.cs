using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.Lambda;

/// <summary>What the function posted for one invocation.</summary>
/// <param name="IsError">True for a post to <c>/error</c>.</param>
/// <param name="Body">The posted body.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header, for errors.</param>
/// <param name="PostedAt">When the post arrived (Stopwatch timestamp).</param>
public sealed record InvocationResult(bool IsError, byte[] Body, string? ErrorType, long PostedAt);

/// <summary>The invocation headers the Runtime API sends with an event; null values are omitted.</summary>
public sealed record InvocationHeaders(
    DateTimeOffset? Deadline = null,
    string? FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:testapp-dev",
    string? TraceId = null,
    string? ClientContext = null,
    string? CognitoIdentity = null);

/// <summary>
/// A local Lambda Runtime API, following AWS's documented protocol for custom runtimes: the function long-polls
/// <c>GET /2018-06-01/runtime/invocation/next</c>, then posts to <c>…/invocation/{id}/response</c> or <c>…/error</c>;
/// start-up failures go to <c>…/init/error</c>. Start a packaged function with <c>AWS_LAMBDA_RUNTIME_API</c> set to
/// <see cref="Address"/> and hand it invocations with <see cref="InvokeAsync"/>.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly Channel<(string Id, byte[] Payload, InvocationHeaders Headers)> _queue = Channel.CreateUnbounded<(string, byte[], InvocationHeaders)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResult>> _pending = new();
    private readonly TaskCompletionSource<InvocationResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalRuntimeApi(WebApplication web) => _web = web;

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:port</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Completes when the function reports a start-up failure.</summary>
    public Task<InvocationResult> InitError => _initError.Task;

    /// <summary>Starts listening on a free loopback port.</summary>
    public static async Task<LocalRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        var server = new LocalRuntimeApi(web);
        web.MapGet("/2018-06-01/runtime/invocation/next", server.NextAsync);
        web.MapPost("/2018-06-01/runtime/invocation/{id}/response", (HttpContext c, string id) => server.CompleteAsync(c, id, isError: false));
        web.MapPost("/2018-06-01/runtime/invocation/{id}/error", (HttpContext c, string id) => server.CompleteAsync(c, id, isError: true));
        web.MapPost("/2018-06-01/runtime/init/error", server.InitErrorAsync);
        await web.StartAsync();
        var address = new Uri(web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        server.Address = $"127.0.0.1:{address.Port}";
        return server;
    }

    /// <summary>Queues an invocation and waits for what the function posts back.</summary>
    public Task<InvocationResult> InvokeAsync(byte[] payload, InvocationHeaders? headers = null, string? requestId = null)
    {
        var id = requestId ?? Guid.NewGuid().ToString();
        var result = new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = result;
        _queue.Writer.TryWrite((id, payload, headers ?? new InvocationHeaders()));
        return result.Task;
    }

    private async Task NextAsync(HttpContext context)
    {
        var (id, payload, headers) = await _queue.Reader.ReadAsync(context.RequestAborted);
        var response = context.Response;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
        var deadline = headers.Deadline ?? DateTimeOffset.UtcNow.AddSeconds(30);
        response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (headers.FunctionArn is { } arn)
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = arn;
        if (headers.TraceId is { } trace)
            response.Headers["Lambda-Runtime-Trace-Id"] = trace;
        if (headers.ClientContext is { } clientContext)
            response.Headers["Lambda-Runtime-Client-Context"] = clientContext;
        if (headers.CognitoIdentity is { } cognito)
            response.Headers["Lambda-Runtime-Cognito-Identity"] = cognito;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(payload);
    }

    private async Task<IResult> CompleteAsync(HttpContext context, string id, bool isError)
    {
        var posted = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!_pending.TryRemove(id, out var result))
            return Results.BadRequest(); // AWS answers an unknown or repeated id with an error
        var body = await ReadAsync(context.Request);
        result.TrySetResult(new InvocationResult(isError, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(), posted));
        return Results.Accepted();
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var posted = System.Diagnostics.Stopwatch.GetTimestamp();
        var body = await ReadAsync(context.Request);
        _initError.TrySetResult(new InvocationResult(true, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(), posted));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Stops listening; a function still polling loses its Runtime API.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _web.StopAsync();
        await _web.DisposeAsync();
    }
}
