using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Chalice.Lambda;

/// <summary>One invocation handed out by the Runtime API.</summary>
internal sealed record Invocation(byte[] Payload, LambdaContext Context);

/// <summary>
/// A client for the Lambda Runtime API (<c>/2018-06-01/runtime/...</c>) at the address in <c>AWS_LAMBDA_RUNTIME_API</c>:
/// next invocation, response, invocation error and init error.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        // The next-invocation call blocks until an event arrives, for as long as the environment is frozen.
        _http = new HttpClient(handler) { BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("invocation/next", cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        var requestId = Header("Lambda-Runtime-Aws-Request-Id")
                        ?? throw new HttpRequestException("The Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header("Lambda-Runtime-Deadline-Ms"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddMinutes(15);
        var context = new LambdaContext(requestId, deadline)
        {
            InvokedFunctionArn = Header("Lambda-Runtime-Invoked-Function-Arn") ?? "",
            TraceId = Header("Lambda-Runtime-Trace-Id"),
            ClientContext = Header("Lambda-Runtime-Client-Context"),
            CognitoIdentity = Header("Lambda-Runtime-Cognito-Identity"),
            FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "",
            FunctionVersion = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
            MemoryLimitInMB = int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), out var memory) ? memory : 0,
            LogGroupName = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
            LogStreamName = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_STREAM_NAME") ?? "",
        };
        return new Invocation(payload, context);
    }

    public Task PostResponseAsync(string requestId, byte[] payload, CancellationToken cancellationToken) =>
        PostAsync($"invocation/{requestId}/response", new ByteArrayContent(payload) { Headers = { ContentType = s_json } }, cancellationToken);

    public Task PostErrorAsync(string requestId, Exception exception, CancellationToken cancellationToken) =>
        PostAsync($"invocation/{requestId}/error", ErrorContent(exception), cancellationToken);

    public Task PostInitErrorAsync(Exception exception, CancellationToken cancellationToken) =>
        PostAsync("init/error", ErrorContent(exception), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        using (var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false))
            response.EnsureSuccessStatusCode();
    }

    /// <summary>The error document Lambda expects, with its type in the error-type header.</summary>
    private static ByteArrayContent ErrorContent(Exception exception)
    {
        var content = new ByteArrayContent(LambdaErrorDocument.Write(exception)) { Headers = { ContentType = s_json } };
        content.Headers.Add(ErrorTypeHeader, LambdaErrorDocument.ErrorType(exception));
        return content;
    }
}
