using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans, for each built-in authorizer (<c>[Authorizer]</c>), the statement of its function's policy that lets
/// <c>apigateway.amazonaws.com</c> invoke it for the stage's API's authorizers only
/// (<see cref="ApiGatewayArn.AuthorizersSource"/>), as Chalice adds one per authorizer after importing the API
/// (chalice/deploy/planner.py, <c>_plan_restapi</c>). Without it API Gateway answers every request of the authorizer's
/// routes with a 500. An app without an API has no authorizer to invoke.
/// </summary>
internal sealed class AuthorizerPermissionPlanner : EventSourcePlanner<DeployedAuthorizerPermission, AuthorizerFunctionManifest>
{
    private const string Principal = "apigateway.amazonaws.com";

    /// <inheritdoc/>
    public override string ResourceType => "authorizer_permission";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [FunctionPlanner.FunctionArns, RestApiPlanner.RestApiId, HttpApiPlanner.HttpApiId];

    /// <summary>The logical name of an authorizer's permission (<c>Tokens-authorizer</c>).</summary>
    public static string LogicalNameOf(string authorizer) => $"{authorizer}-authorizer";

    /// <inheritdoc/>
    protected override async Task PlanAsync(
        PlanningContext context, AuthorizerFunctionManifest function, FunctionTarget target, CancellationToken cancellationToken)
    {
        if ((context.Find(RestApiPlanner.RestApiId) ?? context.Find(HttpApiPlanner.HttpApiId)) is not { } apiId)
            return;
        var logicalName = LogicalNameOf(function.Name);
        var statementId = InvokePermission.StatementIdFor(logicalName);
        var region = context.Region;
        var resource = context.Resource(logicalName, target.FunctionName, new DesiredPermission(statementId, Principal));
        var functionArn = resource.Uses(target.Arn);
        var permission = resource.Uses(functionArn.Combine(apiId, "invoke permission for the API's authorizers",
            (arn, api) => new InvokePermission(statementId, Principal, ApiGatewayArn.AuthorizersSource(region, Arn.Account(arn), api))));
        await PlanPermissionAsync(context, resource, target, permission, cancellationToken,
            granted => new DeployedAuthorizerPermission
            {
                Name = logicalName, FunctionName = target.FunctionName, StatementId = statementId, SourceArn = granted.SourceArn,
            });
    }

    /// <inheritdoc/>
    protected override string Describe(DeployedAuthorizerPermission record) =>
        $"permission {record.StatementId} of Lambda function {record.FunctionName}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedAuthorizerPermission record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.Lambda, "RemovePermission", record.FunctionName, "the stage no longer has the authorizer or an API",
            (_, ct) => InvokePermission.RemoveAsync(aws.Lambda, record.FunctionName, record.StatementId, ct)),
    ];

    /// <inheritdoc/>
    protected override bool IsDeletedWith(DeployedAuthorizerPermission record, DeployedResource other) =>
        other is DeployedFunction deleted && deleted.FunctionName == record.FunctionName;

    /// <summary>The statement an authorizer's function needs (its source ARN is known once the function and the API exist).</summary>
    /// <param name="StatementId">The statement's id.</param>
    /// <param name="Principal">Who may invoke.</param>
    internal sealed record DesiredPermission(string StatementId, string Principal);
}
