using Chalice.Deploy.Aws.Http;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>Sends query-protocol requests of one service through the shared pipeline and reads their XML results.</summary>
internal sealed class QueryChannel(AwsHttpPipeline pipeline, AwsEndpoint endpoint)
{
    public AwsEndpoint Endpoint => endpoint;

    public QueryRequest Request(AwsOperation operation) => new(operation);

    /// <summary>Sends the request and returns its <c>&lt;{Operation}Result&gt;</c>.</summary>
    public async Task<QueryResponse> SendAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var response = await SendWithoutResultAsync(request, cancellationToken).ConfigureAwait(false);
        return QueryResponse.Parse(response.Body, request.Operation);
    }

    /// <summary>Sends a request whose operation returns nothing (the response only carries a request id).</summary>
    public Task<AwsResponse> SendWithoutResultAsync(QueryRequest request, CancellationToken cancellationToken) =>
        pipeline.SendAsync(request.Operation, endpoint, () => request.ToHttpRequest(endpoint), cancellationToken);
}
