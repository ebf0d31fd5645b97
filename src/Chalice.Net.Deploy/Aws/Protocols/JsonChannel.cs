using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chalice.Deploy.Aws.Http;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>
/// Sends JSON-protocol requests of one service (EventBridge, CloudWatch Logs, SQS) through the shared pipeline: a POST
/// to <c>/</c> with <c>X-Amz-Target: {targetPrefix}.{Operation}</c>, the input as a JSON body of type
/// <c>application/x-amz-json-{jsonVersion}</c>, and the output as the JSON response body.
/// </summary>
internal sealed class JsonChannel
{
    private readonly AwsHttpPipeline _pipeline;
    private readonly AwsEndpoint _endpoint;
    private readonly string _targetPrefix;
    private readonly MediaTypeHeaderValue _contentType;

    public JsonChannel(AwsHttpPipeline pipeline, AwsEndpoint endpoint, AwsService service)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        _targetPrefix = service.JsonTargetPrefix
            ?? throw new ArgumentException($"{service} has no JSON target prefix.", nameof(service));
        _contentType = new MediaTypeHeaderValue($"application/x-amz-json-{service.JsonVersion ?? "1.1"}");
    }

    public AwsEndpoint Endpoint => _endpoint;

    /// <summary>Sends <paramref name="input"/> and returns the raw successful response.</summary>
    public Task<AwsResponse> SendAsync<TInput>(AwsOperation operation, TInput input, JsonTypeInfo<TInput> inputType, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input, inputType);
        return _pipeline.SendAsync(operation, _endpoint, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint.Url, "/")) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{_targetPrefix}.{operation.Name}");
            request.Content.Headers.ContentType = _contentType;
            return request;
        }, cancellationToken);
    }

    /// <summary>Sends <paramref name="input"/> and deserialises the operation's output.</summary>
    public async Task<TOutput> SendAsync<TInput, TOutput>(
        AwsOperation operation, TInput input, JsonTypeInfo<TInput> inputType, JsonTypeInfo<TOutput> outputType,
        CancellationToken cancellationToken)
    {
        var response = await SendAsync(operation, input, inputType, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body, outputType) ?? throw new JsonException("the response body is empty");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(operation.Service.ServiceId, operation.Name, response.StatusCode, "MalformedResponse",
                $"the response could not be read ({e.Message})", response.RequestId, e);
        }
    }
}
