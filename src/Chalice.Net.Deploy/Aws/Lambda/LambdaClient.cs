using Chalice.Deploy.Aws.Protocols;
using static Chalice.Deploy.Aws.Protocols.RestPath;

namespace Chalice.Deploy.Aws.Lambda;

/// <summary><see cref="ILambdaApi"/> over Lambda's rest-json protocol.</summary>
internal sealed class LambdaClient(RestJsonChannel channel) : ILambdaApi
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
}
