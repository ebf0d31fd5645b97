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

    /// <summary>
    /// <c>CreateEventSourceMapping</c>: Lambda refuses a second mapping of the same source to the same function with
    /// ResourceConflictException, so a replay of a create that did succeed conflicts.
    /// </summary>
    public static AwsOperation CreateEventSourceMapping { get; } = Op("CreateEventSourceMapping", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>GetEventSourceMapping</c>.</summary>
    public static AwsOperation GetEventSourceMapping { get; } = Op("GetEventSourceMapping", ReplayBehavior.Read);

    /// <summary><c>UpdateEventSourceMapping</c>: sets absolute values.</summary>
    public static AwsOperation UpdateEventSourceMapping { get; } = Op("UpdateEventSourceMapping", ReplayBehavior.Converges);

    /// <summary><c>DeleteEventSourceMapping</c>: a replay finds the mapping gone.</summary>
    public static AwsOperation DeleteEventSourceMapping { get; } = Op("DeleteEventSourceMapping", ReplayBehavior.Deletes);

    /// <summary><c>ListEventSourceMappings</c>.</summary>
    public static AwsOperation ListEventSourceMappings { get; } = Op("ListEventSourceMappings", ReplayBehavior.Read);

    /// <summary>
    /// <c>Invoke</c>: every call runs the function again, so it is replayed only when Lambda provably did not run it
    /// (throttled with 429 TooManyRequestsException, or the connection was never made). An attempt lasts as long as a
    /// synchronous invocation may: the function's timeout, at most 15 minutes
    /// (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), plus a margin.
    /// </summary>
    public static AwsOperation Invoke { get; } =
        Op("Invoke", ReplayBehavior.DuplicatesOnReplay) with { AttemptTimeout = TimeSpan.FromMinutes(16) };

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        GetFunction, GetFunctionConfiguration, CreateFunction, UpdateFunctionCode, UpdateFunctionConfiguration,
        PutFunctionConcurrency, DeleteFunctionConcurrency, AddPermission, RemovePermission, GetPolicy,
        DeleteFunction, TagResource, UntagResource, CreateEventSourceMapping, GetEventSourceMapping,
        UpdateEventSourceMapping, DeleteEventSourceMapping, ListEventSourceMappings, Invoke,
    ];
}
