namespace Chalice.Deploy.Aws.ApiGateway;

/// <summary>The API Gateway operations the client calls, with how each behaves when replayed.</summary>
internal static class ApiGatewayOperations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.ApiGateway, name, replay);

    /// <summary><c>GetRestApis</c>.</summary>
    public static AwsOperation GetRestApis { get; } = Op("GetRestApis", ReplayBehavior.Read);

    /// <summary><c>GetRestApi</c>.</summary>
    public static AwsOperation GetRestApi { get; } = Op("GetRestApi", ReplayBehavior.Read);

    /// <summary><c>CreateRestApi</c>: every call creates a new API (names are not unique), so it is never replayed blindly.</summary>
    public static AwsOperation CreateRestApi { get; } = Op("CreateRestApi", ReplayBehavior.DuplicatesOnReplay);

    /// <summary><c>PutRestApi</c> in overwrite mode: the same document twice gives the same API.</summary>
    public static AwsOperation PutRestApi { get; } = Op("PutRestApi", ReplayBehavior.Converges);

    /// <summary>
    /// <c>CreateDeployment</c>: a replay adds a second snapshot of the same definition and points the stage at it, so
    /// the API serves the same thing; the spare deployment record is harmless.
    /// </summary>
    public static AwsOperation CreateDeployment { get; } = Op("CreateDeployment", ReplayBehavior.Converges);

    /// <summary><c>GetStage</c>.</summary>
    public static AwsOperation GetStage { get; } = Op("GetStage", ReplayBehavior.Read);

    /// <summary><c>DeleteRestApi</c>: a replay finds the API gone.</summary>
    public static AwsOperation UpdateRestApi { get; } = Op("UpdateRestApi", ReplayBehavior.Converges);

    public static AwsOperation UpdateStage { get; } = Op("UpdateStage", ReplayBehavior.Converges);

    public static AwsOperation DeleteRestApi { get; } = Op("DeleteRestApi", ReplayBehavior.Deletes);

    /// <summary><c>GetApiKeys</c>.</summary>
    public static AwsOperation GetApiKeys { get; } = Op("GetApiKeys", ReplayBehavior.Read);

    /// <summary><c>CreateApiKey</c>: names are not unique, so every call makes a new key.</summary>
    public static AwsOperation CreateApiKey { get; } = Op("CreateApiKey", ReplayBehavior.DuplicatesOnReplay);

    /// <summary><c>UpdateApiKey</c>.</summary>
    public static AwsOperation UpdateApiKey { get; } = Op("UpdateApiKey", ReplayBehavior.Converges);

    /// <summary><c>DeleteApiKey</c>: a replay finds the key gone.</summary>
    public static AwsOperation DeleteApiKey { get; } = Op("DeleteApiKey", ReplayBehavior.Deletes);

    /// <summary><c>GetUsagePlans</c>.</summary>
    public static AwsOperation GetUsagePlans { get; } = Op("GetUsagePlans", ReplayBehavior.Read);

    /// <summary><c>CreateUsagePlan</c>: names are not unique, so every call makes a new plan.</summary>
    public static AwsOperation CreateUsagePlan { get; } = Op("CreateUsagePlan", ReplayBehavior.DuplicatesOnReplay);

    /// <summary><c>UpdateUsagePlan</c>.</summary>
    public static AwsOperation UpdateUsagePlan { get; } = Op("UpdateUsagePlan", ReplayBehavior.Converges);

    /// <summary><c>DeleteUsagePlan</c>: a replay finds the plan gone.</summary>
    public static AwsOperation DeleteUsagePlan { get; } = Op("DeleteUsagePlan", ReplayBehavior.Deletes);

    /// <summary><c>GetUsagePlanKeys</c>.</summary>
    public static AwsOperation GetUsagePlanKeys { get; } = Op("GetUsagePlanKeys", ReplayBehavior.Read);

    /// <summary><c>CreateUsagePlanKey</c>: a key is in a plan once; a replay of one that was added conflicts.</summary>
    public static AwsOperation CreateUsagePlanKey { get; } = Op("CreateUsagePlanKey", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>DeleteUsagePlanKey</c>: a replay finds the key gone from the plan.</summary>
    public static AwsOperation DeleteUsagePlanKey { get; } = Op("DeleteUsagePlanKey", ReplayBehavior.Deletes);
    /// <summary><c>GetDomainName</c>.</summary>
    public static AwsOperation GetDomainName { get; } = Op("GetDomainName", ReplayBehavior.Read);

    /// <summary><c>CreateDomainName</c>: domain names are unique, so a replay conflicts.</summary>
    public static AwsOperation CreateDomainName { get; } = Op("CreateDomainName", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>DeleteDomainName</c>: a replay finds the domain gone.</summary>
    public static AwsOperation DeleteDomainName { get; } = Op("DeleteDomainName", ReplayBehavior.Deletes);

    /// <summary><c>GetBasePathMappings</c>.</summary>
    public static AwsOperation GetBasePathMappings { get; } = Op("GetBasePathMappings", ReplayBehavior.Read);

    /// <summary><c>CreateBasePathMapping</c>: a base path is unique in its domain, so a replay conflicts.</summary>
    public static AwsOperation CreateBasePathMapping { get; } = Op("CreateBasePathMapping", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>DeleteBasePathMapping</c>: a replay finds the mapping gone.</summary>
    public static AwsOperation DeleteBasePathMapping { get; } = Op("DeleteBasePathMapping", ReplayBehavior.Deletes);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        GetRestApis, GetRestApi, CreateRestApi, PutRestApi, CreateDeployment, GetStage, UpdateRestApi, UpdateStage, DeleteRestApi,
        GetApiKeys, CreateApiKey, UpdateApiKey, DeleteApiKey, GetUsagePlans, CreateUsagePlan, UpdateUsagePlan, DeleteUsagePlan,
        GetUsagePlanKeys, CreateUsagePlanKey, DeleteUsagePlanKey,
        GetDomainName, CreateDomainName, DeleteDomainName, GetBasePathMappings, CreateBasePathMapping, DeleteBasePathMapping,
    ];
}
