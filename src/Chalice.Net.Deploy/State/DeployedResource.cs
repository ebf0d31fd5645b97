namespace Chalice.Deploy.State;

/// <summary>
/// One resource a deploy created or adopted, as recorded in <c>.chalice/deployed/&lt;stage&gt;.json</c>. The JSON shape
/// follows Chalice's (<c>name</c>, <c>resource_type</c>, snake_case fields), plus what change detection needs. Each
/// kind's <c>resource_type</c> is declared by its planner (<see cref="Planning.IResourcePlanner.ResourceType"/>).
/// </summary>
internal abstract record DeployedResource
{
    /// <summary>The resource's logical name in the app (Chalice's <c>default-role</c>, <c>api_handler</c>, <c>rest_api</c>).</summary>
    public required string Name { get; init; }
}

/// <summary>The execution role the deployer manages, with its inline policy.</summary>
internal sealed record DeployedRole : DeployedResource
{
    /// <summary>The role name.</summary>
    public required string RoleName { get; init; }

    /// <summary>The role ARN.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The inline policy's name.</summary>
    public required string PolicyName { get; init; }
}

/// <summary>A function's log group whose retention the deployer set (<c>log_retention_in_days</c>).</summary>
internal sealed record DeployedLogGroup : DeployedResource
{
    /// <summary>The log group's name, <c>/aws/lambda/{function}</c>.</summary>
    public required string LogGroupName { get; init; }

    /// <summary>The retention last set, or found.</summary>
    public int? RetentionInDays { get; init; }
}

/// <summary>The Lambda function that serves the API.</summary>
internal sealed record DeployedFunction : DeployedResource
{
    /// <summary>The function name.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The function ARN (Chalice's field name).</summary>
    public required string LambdaArn { get; init; }

    /// <summary>The CodeSha256 of the package last uploaded.</summary>
    public string? CodeSha256 { get; init; }
}

/// <summary>A deployed API of any kind: what <c>chalice-net url</c> prints.</summary>
internal interface IDeployedApi
{
    /// <summary>The URL the API serves the app's routes under.</summary>
    string Url { get; }
}

/// <summary>The REST API and the stage it is deployed to.</summary>
internal sealed record DeployedRestApi : DeployedResource, IDeployedApi
{
    /// <inheritdoc/>
    string IDeployedApi.Url => RestApiUrl;

    /// <summary>The API id.</summary>
    public required string RestApiId { get; init; }

    /// <summary>The stage URL (what <c>chalice-net url</c> prints).</summary>
    public required string RestApiUrl { get; init; }

    /// <summary>The API Gateway stage.</summary>
    public required string ApiGatewayStage { get; init; }

    /// <summary>SHA-256 of the OpenAPI document last deployed to the stage, or null while none is deployed.</summary>
    public string? DocumentSha256 { get; init; }

    /// <summary>The deployment the stage was pointed at, or null while none is.</summary>
    public string? DeploymentId { get; init; }
}

/// <summary>
/// The HTTP API (API Gateway v2) with its routes, integration and <c>$default</c> stage, recorded as Chalice records its
/// other APIs (<c>rest_api_id</c>/<c>rest_api_url</c>, <c>websocket_api_id</c>/<c>websocket_api_url</c>).
/// </summary>
internal sealed record DeployedHttpApi : DeployedResource, IDeployedApi
{
    /// <summary>The API id.</summary>
    public required string HttpApiId { get; init; }

    /// <summary>The <c>$default</c> stage's URL, <c>https://{id}.execute-api.{region}.amazonaws.com/</c>.</summary>
    public required string HttpApiUrl { get; init; }

    /// <inheritdoc/>
    string IDeployedApi.Url => HttpApiUrl;
}

/// <summary>The statement of the function's resource policy that lets API Gateway invoke it.</summary>
internal sealed record DeployedPermission : DeployedResource
{
    /// <summary>The function the statement belongs to.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The statement id.</summary>
    public required string StatementId { get; init; }

    /// <summary>The execute-api ARN pattern allowed to invoke.</summary>
    public required string SourceArn { get; init; }
}

/// <summary>An API key of the stage (<c>api_keys</c>); its value is never recorded.</summary>
internal sealed record DeployedApiKey : DeployedResource
{
    /// <summary>The key's id, what <c>deploy</c> prints.</summary>
    public required string ApiKeyId { get; init; }

    /// <summary>The key's API Gateway name, <c>{app}-{stage}-{name}</c>.</summary>
    public required string ApiKeyName { get; init; }
}

/// <summary>The usage plan that binds the stage's API keys to its REST API stage.</summary>
internal sealed record DeployedUsagePlan : DeployedResource
{
    /// <summary>The plan's id.</summary>
    public required string UsagePlanId { get; init; }
}
