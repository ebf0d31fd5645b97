using System.Diagnostics;
using System.Net;
using Chalice.Deploy.Aws.Protocols;
using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Aws.Http;

/// <summary>
/// The one HTTP path every client call takes: build → sign → send → read, with retries (<see cref="RetryPolicy"/>),
/// protocol-specific error parsing and a report of each attempt to the <see cref="IAwsCallObserver"/>.
/// </summary>
internal sealed class AwsHttpPipeline : IDisposable
{
    /// <summary>Lets handlers and proxies see which operation a request belongs to.</summary>
    public static readonly HttpRequestOptionsKey<AwsOperation> OperationKey = new("Chalice.AwsOperation");

    private readonly HttpClient _http;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly AwsClientOptions _options;
    private readonly RetryPolicy _retry;
    private readonly Dictionary<SigV4Options, SigV4Signer> _signers = [];

    public AwsHttpPipeline(IAwsCredentialsProvider credentials, AwsClientOptions options)
    {
        _credentials = credentials;
        _options = options;
        _retry = new RetryPolicy(options.Retry, options.Random);
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.ConnectTimeout ?? Timeout.InfiniteTimeSpan,
        };
        // Attempt timeouts are ours (AwsRetryOptions.AttemptTimeout), so HttpClient's own must never fire first.
        _http = new HttpClient(handler, disposeHandler: options.HttpHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public AwsClientOptions Options => _options;

    /// <summary>
    /// Sends the request <paramref name="createRequest"/> builds (once per attempt: a request message cannot be
    /// resent) and returns the successful response, or throws <see cref="AwsServiceException"/>.
    /// </summary>
    public async Task<AwsResponse> SendAsync(
        AwsOperation operation, AwsEndpoint endpoint, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var outcomeUnknownEarlier = false;
        for (var attempt = 1; ; attempt++)
        {
            var started = _options.Time.GetTimestamp();
            var (response, failure, kind) = await TryOnceAsync(operation, endpoint, createRequest, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                Report(operation, attempt, response.StatusCode, null, started, AwsAttemptOutcome.Succeeded);
                return response;
            }

            if (_retry.BackoffAfter(operation, kind, attempt) is { } backoff)
            {
                Report(operation, attempt, failure!.StatusCode, failure.ErrorCode, started, AwsAttemptOutcome.WillRetry);
                outcomeUnknownEarlier |= kind == FailureKind.Ambiguous;
                await _options.Delay(backoff, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // An earlier attempt of this delete may have gone through: "not found" now means it did.
            if (outcomeUnknownEarlier && operation.Replay == ReplayBehavior.Deletes && failure!.IsNotFound)
            {
                Report(operation, attempt, failure.StatusCode, failure.ErrorCode, started, AwsAttemptOutcome.Succeeded);
                return AwsResponse.AlreadyDeleted;
            }
            Report(operation, attempt, failure!.StatusCode, failure.ErrorCode, started, AwsAttemptOutcome.Failed);
            throw MayHaveSucceeded(operation, failure, kind, outcomeUnknownEarlier)
                ? new AwsServiceException(failure.Service, failure.Operation, failure.StatusCode, failure.ErrorCode, failure.AwsMessage,
                    failure.RequestId, failure.InnerException) { MayHaveSucceeded = true }
                : failure;
        }
    }

    /// <summary>
    /// Whether a mutating call may have taken effect despite its final error: the last attempt's outcome is unknown,
    /// or a create reported a conflict after an earlier attempt whose outcome is unknown (that attempt made it).
    /// </summary>
    private static bool MayHaveSucceeded(AwsOperation operation, AwsServiceException failure, FailureKind kind, bool outcomeUnknownEarlier) =>
        operation.Mutates && (kind == FailureKind.Ambiguous ||
            (outcomeUnknownEarlier && operation.Replay == ReplayBehavior.ConflictsOnReplay && RetryPolicy.IsConflict(failure)));

    private async Task<(AwsResponse? Response, AwsServiceException? Failure, FailureKind Kind)> TryOnceAsync(
        AwsOperation operation, AwsEndpoint endpoint, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        try
        {
            return (await SendOnceAsync(operation, endpoint, createRequest, cancellationToken).ConfigureAwait(false), null, FailureKind.Final);
        }
        catch (AwsServiceException error)
        {
            return (null, error, _retry.Classify(operation, error));
        }
        catch (Exception error) when (IsTransportFailure(error, cancellationToken))
        {
            // SocketsHttpHandler's ConnectTimeout cancels with a TimeoutException inside: the connection was never
            // made, so the request was not sent. Our own attempt timeout cancels without one, after the request may have gone.
            var connectTimedOut = error is OperationCanceledException { InnerException: TimeoutException };
            var timedOut = error is OperationCanceledException && !connectTimedOut;
            var failure = new AwsServiceException(operation.Service.ServiceId, operation.Name, null,
                timedOut ? AwsServiceException.RequestTimeout : AwsServiceException.ConnectionFailure,
                timedOut
                    ? $"no response within {AttemptTimeout(operation).TotalSeconds:0.#} s from {endpoint.Url.Host}"
                    : $"could not talk to {endpoint.Url.Authority}: {error.Message}",
                null, error);
            return (null, failure, timedOut ? FailureKind.Ambiguous : connectTimedOut ? FailureKind.NotSent : RetryPolicy.Classify(error));
        }
    }

    private async Task<AwsResponse> SendOnceAsync(
        AwsOperation operation, AwsEndpoint endpoint, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        request.Options.Set(OperationKey, operation);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        await SignerFor(operation.Service).SignAsync(
                request, credentials, endpoint.SigningRegion, endpoint.SigningName, _options.Time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout(operation));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
        if (response.IsSuccessStatusCode)
            return new AwsResponse(response.StatusCode, body, requestId) { Headers = FirstValues(response) };

        // Query and rest-xml services answer errors in XML (<Error><Code/><Message/></Error>), JSON ones in JSON.
        var error = operation.Service.Protocol is AwsProtocol.Query or AwsProtocol.RestXml
            ? QueryErrorReader.Read(response.StatusCode, requestId, body)
            : RestJsonErrorReader.Read(response.StatusCode, Header(response, "x-amzn-ErrorType"), requestId, body);
        throw new AwsServiceException(
            operation.Service.ServiceId, operation.Name, response.StatusCode, error.Code, error.Message, error.RequestId);
    }

    private static bool IsTransportFailure(Exception error, CancellationToken cancellationToken) => error switch
    {
        HttpRequestException or IOException => true,
        // Our attempt timeout, not the caller's cancellation.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static Dictionary<string, string> FirstValues(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (values.FirstOrDefault() is { } value)
                headers.TryAdd(name, value);
        }
        return headers;
    }

    private SigV4Signer SignerFor(AwsService service)
    {
        lock (_signers)
        {
            if (!_signers.TryGetValue(service.Signing, out var signer))
                _signers[service.Signing] = signer = new SigV4Signer(service.Signing);
            return signer;
        }
    }

    private TimeSpan AttemptTimeout(AwsOperation operation) =>
        operation.AttemptTimeout is { } longer && longer > _options.Retry.AttemptTimeout ? longer : _options.Retry.AttemptTimeout;

    private void Report(AwsOperation operation, int attempt, HttpStatusCode? status, string? errorCode, long started, AwsAttemptOutcome outcome) =>
        _options.Observer?.OnAttempt(new AwsCallAttempt(
            operation, attempt, status, errorCode, _options.Time.GetElapsedTime(started), outcome));

    public void Dispose() => _http.Dispose();
}
