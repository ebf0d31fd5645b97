using System.Globalization;
using System.Net;
using System.Text;

namespace Chalice.Lambda;

/// <summary>One invocation handed out by the Runtime API.</summary>
internal sealed record Invocation(byte[] Payload, LambdaContext Context);

/// <summary>
/// A client for the Lambda Runtime API (<c>/2018-06-01/runtime/...</c>) at the address in <c>AWS_LAMBDA_RUNTIME_API</c>:
/// next invocation, response, invocation error and init error
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), over <see cref="RuntimeApiConnection"/>.
/// A failure to reach the Runtime API, a response it should not send and an answer other than 2xx are all
/// <see cref="HttpRequestException"/>s.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string BasePath = "/2018-06-01/runtime/";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly KeyValuePair<string, string> s_json = new("Content-Type", "application/json");

    private readonly RuntimeApiConnection _connection;

    public RuntimeApiClient(string runtimeApi) => _connection = new RuntimeApiConnection(runtimeApi);

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        // The next-invocation call blocks until an event arrives, for as long as the environment is frozen.
        const string path = BasePath + "invocation/next";
        var response = EnsureSuccess(await _connection.GetAsync(path, cancellationToken).ConfigureAwait(false), "GET", path);
        var payload = response.Body;
        string? Header(string name) => response.Header(name);

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
        PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", payload, [s_json], cancellationToken);

    public Task PostErrorAsync(string requestId, Exception exception, CancellationToken cancellationToken) =>
        PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", LambdaErrorDocument.Write(exception), ErrorFields(exception), cancellationToken);

    public Task PostInitErrorAsync(Exception exception, CancellationToken cancellationToken) =>
        PostAsync("init/error", LambdaErrorDocument.Write(exception), ErrorFields(exception), cancellationToken);

    public void Dispose() => _connection.Dispose();

    private async Task PostAsync(string relativePath, byte[] body, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        var path = BasePath + relativePath;
        EnsureSuccess(await _connection.PostAsync(path, body, fields, cancellationToken).ConfigureAwait(false), "POST", path);
    }

    /// <summary>The Runtime API answers 202 to posts and 200 to next; any other answer says what it refused, in its body.</summary>
    private static RuntimeApiResponse EnsureSuccess(RuntimeApiResponse response, string method, string path)
    {
        if (response.IsSuccess)
            return response;
        const int shown = 1024;
        var body = Encoding.UTF8.GetString(response.Body.AsSpan(0, Math.Min(response.Body.Length, shown)));
        throw new HttpRequestException(HttpRequestError.Unknown,
            $"The Lambda Runtime API answered {method} {path} with {response.StatusCode} {response.ReasonPhrase}" + (body.Length > 0 ? $": {body}" : "."),
            inner: null, (HttpStatusCode)response.StatusCode);
    }

    /// <summary>The error document Lambda expects (one owner: <see cref="LambdaErrorDocument"/>), with its type in the error-type header.</summary>
    private static KeyValuePair<string, string>[] ErrorFields(Exception exception) =>
        [s_json, new(ErrorTypeHeader, LambdaErrorDocument.ErrorType(exception))];
}
