namespace Chalice.Deploy.Aws.ApiGatewayV2;

/// <summary>The API Gateway v2 (HTTP API) operations the client calls, with how each behaves when replayed.</summary>
internal static class ApiGatewayV2Operations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.ApiGatewayV2, name, replay);

    /// <summary><c>GetApis</c>.</summary>
    public static AwsOperation GetApis { get; } = Op("GetApis", ReplayBehavior.Read);

    /// <summary><c>GetApi</c>.</summary>
    public static AwsOperation GetApi { get; } = Op("GetApi", ReplayBehavior.Read);

    /// <summary><c>CreateApi</c>: names are not unique, so each call creates another API; never replayed blindly.</summary>
    public static AwsOperation CreateApi { get; } = Op("CreateApi", ReplayBehavior.DuplicatesOnReplay);

    /// <summary><c>UpdateApi</c>: sets the same members again.</summary>
    public static AwsOperation UpdateApi { get; } = Op("UpdateApi", ReplayBehavior.Converges);

    /// <summary><c>DeleteCorsConfiguration</c>: a replay finds no configuration.</summary>
    public static AwsOperation DeleteCorsConfiguration { get; } = Op("DeleteCorsConfiguration", ReplayBehavior.Deletes);

    /// <summary><c>DeleteApi</c>: a replay finds the API gone.</summary>
    public static AwsOperation DeleteApi { get; } = Op("DeleteApi", ReplayBehavior.Deletes);

    /// <summary><c>GetIntegrations</c>.</summary>
    public static AwsOperation GetIntegrations { get; } = Op("GetIntegrations", ReplayBehavior.Read);

    /// <summary><c>CreateIntegration</c>: each call adds another integration; never replayed blindly.</summary>
    public static AwsOperation CreateIntegration { get; } = Op("CreateIntegration", ReplayBehavior.DuplicatesOnReplay);

    /// <summary><c>UpdateIntegration</c>: sets the same members again.</summary>
    public static AwsOperation UpdateIntegration { get; } = Op("UpdateIntegration", ReplayBehavior.Converges);

    /// <summary><c>DeleteIntegration</c>: a replay finds it gone.</summary>
    public static AwsOperation DeleteIntegration { get; } = Op("DeleteIntegration", ReplayBehavior.Deletes);

    /// <summary><c>GetRoutes</c>.</summary>
    public static AwsOperation GetRoutes { get; } = Op("GetRoutes", ReplayBehavior.Read);

    /// <summary>
    /// <c>CreateRoute</c>: a route key is unique in an API, so a replay is refused with a conflict (AWS answers 409
    /// ConflictException "Route with key ANY /{proxy+} already exists for this API": https://github.com/anomalyco/sst/issues/5031;
    /// moto 5.2.1 accepts the duplicate).
    /// </summary>
    public static AwsOperation CreateRoute { get; } = Op("CreateRoute", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>UpdateRoute</c>: sets the same members again.</summary>
    public static AwsOperation UpdateRoute { get; } = Op("UpdateRoute", ReplayBehavior.Converges);

    /// <summary><c>DeleteRoute</c>: a replay finds it gone.</summary>
    public static AwsOperation DeleteRoute { get; } = Op("DeleteRoute", ReplayBehavior.Deletes);

    /// <summary>
    /// <c>GetAuthorizer</c>. The deployer reads an API's authorizers one by one, by the ids its routes name, rather than
    /// with <c>GetAuthorizers</c>, which moto 5.2.1 does not implement (a 500), so that the same code is proven there.
    /// </summary>
    public static AwsOperation GetAuthorizer { get; } = Op("GetAuthorizer", ReplayBehavior.Read);

    /// <summary><c>CreateAuthorizer</c>: each call adds another authorizer; never replayed blindly.</summary>
    public static AwsOperation CreateAuthorizer { get; } = Op("CreateAuthorizer", ReplayBehavior.DuplicatesOnReplay);

    /// <summary><c>UpdateAuthorizer</c>: sets the same members again.</summary>
    public static AwsOperation UpdateAuthorizer { get; } = Op("UpdateAuthorizer", ReplayBehavior.Converges);

    /// <summary><c>DeleteAuthorizer</c>: a replay finds it gone.</summary>
    public static AwsOperation DeleteAuthorizer { get; } = Op("DeleteAuthorizer", ReplayBehavior.Deletes);

    /// <summary><c>GetStage</c>.</summary>
    public static AwsOperation GetStage { get; } = Op("GetStage", ReplayBehavior.Read);

    /// <summary><c>CreateStage</c>: a replay either conflicts with the stage the first attempt made or makes it; the caller reads the stage back.</summary>
    public static AwsOperation CreateStage { get; } = Op("CreateStage", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>UpdateStage</c>: sets the same members again.</summary>
    public static AwsOperation UpdateStage { get; } = Op("UpdateStage", ReplayBehavior.Converges);

    /// <summary><c>GetDomainName</c>.</summary>
    public static AwsOperation GetDomainName { get; } = Op("GetDomainName", ReplayBehavior.Read);

    /// <summary><c>CreateDomainName</c>: domain names are unique, so a replay conflicts.</summary>
    public static AwsOperation CreateDomainName { get; } = Op("CreateDomainName", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>DeleteDomainName</c>: a replay finds the domain gone.</summary>
    public static AwsOperation DeleteDomainName { get; } = Op("DeleteDomainName", ReplayBehavior.Deletes);

    /// <summary><c>GetApiMappings</c>.</summary>
    public static AwsOperation GetApiMappings { get; } = Op("GetApiMappings", ReplayBehavior.Read);

    /// <summary><c>CreateApiMapping</c>: a mapping key is unique in its domain, so a replay conflicts.</summary>
    public static AwsOperation CreateApiMapping { get; } = Op("CreateApiMapping", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>DeleteApiMapping</c>: a replay finds the mapping gone.</summary>
    public static AwsOperation DeleteApiMapping { get; } = Op("DeleteApiMapping", ReplayBehavior.Deletes);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        GetApis, GetApi, CreateApi, UpdateApi, DeleteCorsConfiguration, DeleteApi, GetIntegrations, CreateIntegration, UpdateIntegration,
        DeleteIntegration, GetRoutes, CreateRoute, UpdateRoute, DeleteRoute, GetAuthorizer, CreateAuthorizer, UpdateAuthorizer, DeleteAuthorizer,
        GetStage, CreateStage, UpdateStage, GetDomainName, CreateDomainName, DeleteDomainName, GetApiMappings, CreateApiMapping, DeleteApiMapping,
    ];
}
