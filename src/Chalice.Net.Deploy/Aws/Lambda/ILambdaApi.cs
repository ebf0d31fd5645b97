namespace Chalice.Deploy.Aws.Lambda;

/// <summary>The AWS Lambda control-plane operations the deployer uses.</summary>
internal interface ILambdaApi
{
    /// <summary>Configuration, code location, tags and concurrency of a function, or null when it does not exist.</summary>
    Task<LambdaFunction?> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>A function's configuration (state, last update status…); throws when it does not exist.</summary>
    Task<LambdaFunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>Creates a function. Retried while Lambda cannot assume a just-created role yet.</summary>
    Task<LambdaFunctionConfiguration> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces a function's code.</summary>
    Task<LambdaFunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a function's configuration. Retried while Lambda cannot assume a just-created role yet.</summary>
    Task<LambdaFunctionConfiguration> UpdateFunctionConfigurationAsync(
        UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reserves concurrency for a function and returns the reserved amount.</summary>
    Task<int> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrentExecutions, CancellationToken cancellationToken = default);

    /// <summary>Removes a function's reserved concurrency.</summary>
    Task DeleteFunctionConcurrencyAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>Adds a statement to a function's resource-based policy and returns the statement (JSON).</summary>
    Task<string> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a statement from a function's resource-based policy.</summary>
    Task RemovePermissionAsync(string functionName, string statementId, CancellationToken cancellationToken = default);

    /// <summary>A function's resource-based policy, or null when it has none (or the function does not exist).</summary>
    Task<LambdaPolicy?> GetPolicyAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a function.</summary>
    Task DeleteFunctionAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>Adds or overwrites tags of a function (by ARN).</summary>
    Task TagResourceAsync(string functionArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>Removes tags from a function (by ARN).</summary>
    Task UntagResourceAsync(string functionArn, IReadOnlyCollection<string> tagKeys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Maps a queue or stream to a function. The mapping starts <c>Creating</c>; wait with
    /// <see cref="EventSourceMappingWaiter"/> before updating it.
    /// </summary>
    Task<EventSourceMapping> CreateEventSourceMappingAsync(CreateEventSourceMappingRequest request, CancellationToken cancellationToken = default);

    /// <summary>A mapping, or null when it does not exist.</summary>
    Task<EventSourceMapping?> GetEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default);

    /// <summary>Changes a mapping's settings (it must not be <c>Creating</c> or <c>Updating</c>).</summary>
    Task<EventSourceMapping> UpdateEventSourceMappingAsync(UpdateEventSourceMappingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a mapping; it stays <c>Deleting</c> for a few seconds.</summary>
    Task<EventSourceMapping> DeleteEventSourceMappingAsync(string uuid, CancellationToken cancellationToken = default);

    /// <summary>The mappings of a function, of a source, or of both (all pages).</summary>
    Task<IReadOnlyList<EventSourceMapping>> ListEventSourceMappingsAsync(
        string? functionName, string? eventSourceArn, CancellationToken cancellationToken = default);
}
