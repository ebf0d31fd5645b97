namespace Chalice.Deploy.Aws.Lambda;

/// <summary>The Lambda operations the client calls, with how each behaves when replayed.</summary>
internal static class LambdaOperations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.Lambda, name, replay);

    /// <summary><c>GetFunction</c>.</summary>
    public static AwsOperation GetFunction { get; } = Op("GetFunction", ReplayBehavior.Read);

    /// <summary><c>GetFunctionConfiguration</c>.</summary>
    public static AwsOperation GetFunctionConfiguration { get; } = Op("GetFunctionConfiguration", ReplayBehavior.Read);

    /// <summary><c>CreateFunction</c>: a replay of a create that did succeed fails with ResourceConflictException.</summary>
    public static AwsOperation CreateFunction { get; } =
        Op("CreateFunction", ReplayBehavior.ConflictsOnReplay) with { WaitsForRolePropagation = true };

    /// <summary><c>UpdateFunctionCode</c>: uploading the same zip twice leaves the same code.</summary>
    public static AwsOperation UpdateFunctionCode { get; } = Op("UpdateFunctionCode", ReplayBehavior.Converges);

    /// <summary><c>UpdateFunctionConfiguration</c>: setting the same values twice converges.</summary>
    public static AwsOperation UpdateFunctionConfiguration { get; } =
        Op("UpdateFunctionConfiguration", ReplayBehavior.Converges) with { WaitsForRolePropagation = true };

    /// <summary><c>PutFunctionConcurrency</c>: sets an absolute value.</summary>
    public static AwsOperation PutFunctionConcurrency { get; } = Op("PutFunctionConcurrency", ReplayBehavior.Converges);

    /// <summary><c>DeleteFunctionConcurrency</c>: removing twice leaves none reserved (Lambda answers 204 both times).</summary>
    public static AwsOperation DeleteFunctionConcurrency { get; } = Op("DeleteFunctionConcurrency", ReplayBehavior.Converges);

    /// <summary><c>AddPermission</c>: a replay fails with ResourceConflictException (statement id exists).</summary>
    public static AwsOperation AddPermission { get; } = Op("AddPermission", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>RemovePermission</c>: a replay finds the statement gone.</summary>
    public static AwsOperation RemovePermission { get; } = Op("RemovePermission", ReplayBehavior.Deletes);

    /// <summary><c>GetPolicy</c>.</summary>
    public static AwsOperation GetPolicy { get; } = Op("GetPolicy", ReplayBehavior.Read);

    /// <summary><c>DeleteFunction</c>: a replay finds the function gone.</summary>
    public static AwsOperation DeleteFunction { get; } = Op("DeleteFunction", ReplayBehavior.Deletes);

    /// <summary><c>TagResource</c>: setting the same tags twice converges.</summary>
    public static AwsOperation TagResource { get; } = Op("TagResource", ReplayBehavior.Converges);

    /// <summary><c>UntagResource</c>: removing absent keys is not an error.</summary>
    public static AwsOperation UntagResource { get; } = Op("UntagResource", ReplayBehavior.Converges);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        GetFunction, GetFunctionConfiguration, CreateFunction, UpdateFunctionCode, UpdateFunctionConfiguration,
        PutFunctionConcurrency, DeleteFunctionConcurrency, AddPermission, RemovePermission, GetPolicy,
        DeleteFunction, TagResource, UntagResource,
    ];
}
