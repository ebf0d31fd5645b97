using Chalice.Deploy.Aws.Protocols;
using static Chalice.Deploy.Aws.Protocols.RestPath;

namespace Chalice.Deploy.Aws.Lambda;

/// <summary><see cref="ILambdaApi"/> and <see cref="ILambdaInvoker"/> over Lambda's rest-json protocol.</summary>
internal sealed class LambdaClient(RestJsonChannel channel) : ILambdaApi, ILambdaInvoker
{
    private static LambdaJsonContext Json => LambdaJsonContext.Default;

    public Task<LambdaFunction?> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.GetFunction, HttpMethod.Get,
            new RestPath($"/2015-03-31/functions/{Label(functionName)}"), null, Json.LambdaFunction, cancellationToken).OrNullIfNotFound();

    public Task<LambdaFunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.GetFunctionConfiguration, HttpMethod.Get,
            new RestPath($"/2015-03-31/functions/{Label(functionName)}/configuration"), null, Json.LambdaFunctionConfiguration, cancellationToken);

    public Task<LambdaFunctionConfiguration> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.CreateFunction, HttpMethod.Post, new RestPath("/2015-03-31/functions"),
            RequestBody.Json(request, Json.CreateFunctionRequest), Json.LambdaFunctionConfiguration, cancellationToken);

    public Task<LambdaFunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.UpdateFunctionCode, HttpMethod.Put,
            new RestPath($"/2015-03-31/functions/{Label(request.FunctionName)}/code"),
            RequestBody.Json(request, Json.UpdateFunctionCodeRequest), Json.LambdaFunctionConfiguration, cancellationToken);

    public Task<LambdaFunctionConfiguration> UpdateFunctionConfigurationAsync(
        UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.UpdateFunctionConfiguration, HttpMethod.Put,
            new RestPath($"/2015-03-31/functions/{Label(request.FunctionName)}/configuration"),
            RequestBody.Json(request, Json.UpdateFunctionConfigurationRequest), Json.LambdaFunctionConfiguration, cancellationToken);

    public async Task<int> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrentExecutions, CancellationToken cancellationToken = default)
    {
        var result = await channel.SendAsync(LambdaOperations.PutFunctionConcurrency, HttpMethod.Put,
            new RestPath($"/2017-10-31/functions/{Label(functionName)}/concurrency"),
            RequestBody.Json(new ReservedConcurrencyBody(reservedConcurrentExecutions), Json.ReservedConcurrencyBody),
            Json.ReservedConcurrencyBody, cancellationToken).ConfigureAwait(false);
        return result.ReservedConcurrentExecutions ?? reservedConcurrentExecutions;
    }

    public Task DeleteFunctionConcurrencyAsync(string functionName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.DeleteFunctionConcurrency, HttpMethod.Delete,
            new RestPath($"/2017-10-31/functions/{Label(functionName)}/concurrency"), null, cancellationToken);

    public async Task<string> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken = default)
    {
        var result = await channel.SendAsync(LambdaOperations.AddPermission, HttpMethod.Post,
            new RestPath($"/2015-03-31/functions/{Label(request.FunctionName)}/policy").Query("Qualifier", request.Qualifier),
            RequestBody.Json(request, Json.AddPermissionRequest), Json.AddPermissionResult, cancellationToken).ConfigureAwait(false);
        return result.Statement ?? "";
    }

    public Task RemovePermissionAsync(string functionName, string statementId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.RemovePermission, HttpMethod.Delete,
            new RestPath($"/2015-03-31/functions/{Label(functionName)}/policy/{Label(statementId)}"), null, cancellationToken);

    public async Task<LambdaPolicy?> GetPolicyAsync(string functionName, CancellationToken cancellationToken = default)
    {
        var result = await channel.SendAsync(LambdaOperations.GetPolicy, HttpMethod.Get,
                new RestPath($"/2015-03-31/functions/{Label(functionName)}/policy"), null, Json.GetPolicyResult, cancellationToken)
            .OrNullIfNotFound().ConfigureAwait(false);
        return result?.Policy is null ? null : new LambdaPolicy(result.Policy, result.RevisionId);
    }

    public Task DeleteFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.DeleteFunction, HttpMethod.Delete,
            new RestPath($"/2015-03-31/functions/{Label(functionName)}"), null, cancellationToken);

    public Task TagResourceAsync(string functionArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.TagResource, HttpMethod.Post, new RestPath($"/2017-03-31/tags/{Label(functionArn)}"),
            RequestBody.Json(new TagsBody(tags), Json.TagsBody), cancellationToken);

    public Task UntagResourceAsync(string functionArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.UntagResource, HttpMethod.Delete,
            new RestPath($"/2017-03-31/tags/{Label(functionArn)}").Query("tagKeys", tagKeys), null, cancellationToken);

    public Task<EventSourceMapping> CreateEventSourceMappingAsync(CreateEventSourceMappingRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.CreateEventSourceMapping, HttpMethod.Post, new RestPath("/2015-03-31/event-source-mappings"),
            RequestBody.Json(request, Json.CreateEventSourceMappingRequest), Json.EventSourceMapping, cancellationToken);

    public Task<EventSourceMapping?> GetEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.GetEventSourceMapping, HttpMethod.Get,
            new RestPath($"/2015-03-31/event-source-mappings/{Label(uuid)}"), null, Json.EventSourceMapping, cancellationToken).OrNullIfNotFound();

    public Task<EventSourceMapping> UpdateEventSourceMappingAsync(UpdateEventSourceMappingRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.UpdateEventSourceMapping, HttpMethod.Put,
            new RestPath($"/2015-03-31/event-source-mappings/{Label(request.Uuid)}"),
            RequestBody.Json(request, Json.UpdateEventSourceMappingRequest), Json.EventSourceMapping, cancellationToken);

    public Task<EventSourceMapping> DeleteEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LambdaOperations.DeleteEventSourceMapping, HttpMethod.Delete,
            new RestPath($"/2015-03-31/event-source-mappings/{Label(uuid)}"), null, Json.EventSourceMapping, cancellationToken);

    public async Task<IReadOnlyList<EventSourceMapping>> ListEventSourceMappingsAsync(
        string? functionName, string? eventSourceArn, CancellationToken cancellationToken = default)
    {
        var mappings = new List<EventSourceMapping>();
        string? marker = null;
        do
        {
            var page = await channel.SendAsync(LambdaOperations.ListEventSourceMappings, HttpMethod.Get,
                new RestPath("/2015-03-31/event-source-mappings").Query("EventSourceArn", eventSourceArn).Query("FunctionName", functionName)
                    .Query("Marker", marker),
                null, Json.ListEventSourceMappingsResult, cancellationToken).ConfigureAwait(false);
            mappings.AddRange(page.EventSourceMappings ?? []);
            marker = page.NextMarker is { Length: > 0 } next && next != marker ? next : null;
        }
        while (marker is not null);
        return mappings;
    }

    public async Task<LambdaInvocation> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        var headers = new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "RequestResponse" };
        if (request.LogTail)
            headers["X-Amz-Log-Type"] = "Tail";
        var response = await channel.SendAsync(LambdaOperations.Invoke, HttpMethod.Post,
            new RestPath($"/2015-03-31/functions/{Label(request.FunctionName)}/invocations").Query("Qualifier", request.Qualifier),
            new RequestBody(request.Payload, "application/json"), cancellationToken, headers).ConfigureAwait(false);
        return new LambdaInvocation((int)response.StatusCode, response.Body, response.Header("X-Amz-Function-Error"),
            DecodeLogTail(response.Header("X-Amz-Log-Result")), response.Header("X-Amz-Executed-Version"));
    }

    // X-Amz-Log-Result is base64; its first character may be cut mid-way through a UTF-8 sequence (Lambda keeps the
    // last 4 KB), which decoding turns into U+FFFD rather than failing.
    private static string? DecodeLogTail(string? base64) =>
        base64 is null ? null : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
