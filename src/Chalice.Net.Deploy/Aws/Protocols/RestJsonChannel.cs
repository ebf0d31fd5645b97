using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chalice.Deploy.Aws.Http;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>Sends rest-json requests of one service through the shared pipeline and reads their JSON responses.</summary>
internal sealed class RestJsonChannel(AwsHttpPipeline pipeline, AwsEndpoint endpoint)
{
    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");

    public AwsEndpoint Endpoint => endpoint;

    /// <summary>Sends a request with an optional body (and headers bound to input members) and returns the raw successful response.</summary>
    public Task<AwsResponse> SendAsync(
        AwsOperation operation, HttpMethod method, RestPath path, RequestBody? body, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? headers = null) =>
        pipeline.SendAsync(operation, endpoint, () =>
        {
            var request = new HttpRequestMessage(method, path.ToUri(endpoint));
            // API Gateway answers application/hal+json unless asked for plain JSON (botocore adds this header too).
            request.Headers.Accept.Add(s_json);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                request.Headers.TryAddWithoutValidation(name, value);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body.Bytes);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.ContentType);
            }
            return request;
        }, cancellationToken);

    /// <summary>Sends a request and deserialises the response body.</summary>
    public async Task<TResponse> SendAsync<TResponse>(
        AwsOperation operation, HttpMethod method, RestPath path, RequestBody? body, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var response = await SendAsync(operation, method, path, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body, responseType)
                ?? throw new JsonException("the response body is empty");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(operation.Service.ServiceId, operation.Name, response.StatusCode, "MalformedResponse",
                $"the response could not be read ({e.Message})", response.RequestId, e);
        }
    }
}

/// <summary>A request body: the bytes and their media type.</summary>
internal sealed record RequestBody(byte[] Bytes, string ContentType)
{
    public static RequestBody Json<T>(T value, JsonTypeInfo<T> type) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json");
}
