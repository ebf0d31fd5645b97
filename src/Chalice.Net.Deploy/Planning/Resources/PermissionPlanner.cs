using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the statement of the function's resource policy that lets API Gateway invoke it, limited to the stage's API
/// (<c>arn:aws:execute-api:REGION:ACCOUNT:APIID/*</c>), its REST API or its HTTP API. An app without an API needs none. Deleting the function
/// deletes its policy, so the statement makes no call of its own then.
/// </summary>
internal sealed class PermissionPlanner : ResourcePlanner<DeployedPermission>
{
    /// <summary>The permission's logical name (Chalice's).</summary>
    public const string LogicalName = "api_handler_invoke_permission";

    private const string StatementId = ResourceNames.InvokePermissionStatementId;
    private const string Principal = "apigateway.amazonaws.com";
    private const string Action = "lambda:InvokeFunction";

    /// <inheritdoc/>
    public override string ResourceType => "lambda_permission";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [FunctionPlanner.FunctionArn, RestApiPlanner.RestApiId, HttpApiPlanner.HttpApiId];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        if ((context.Find(RestApiPlanner.RestApiId) ?? context.Find(HttpApiPlanner.HttpApiId)) is not { } apiId)
            return;
        var region = context.Region;
        var name = context.Names.Function;
        var lambda = context.Aws.Lambda;
        var sourceArn = context.Require(FunctionPlanner.FunctionArn).Combine(apiId, "API's execute-api ARN",
            (functionArn, restApiId) => ApiGatewayArn.ExecuteApiSource(region, Arn.Account(functionArn), restApiId));
        var resource = context.Resource(LogicalName, name, new DesiredPermission(StatementId, Principal, Action));
        resource.Uses(sourceArn);

        var functionExists = context.Require(FunctionPlanner.FunctionArn).TryGetKnown(out _);
        // A function that exists may hold the statement for another API (one the stage replaces: a REST API by an HTTP API).
        var policy = functionExists ? await lambda.GetPolicyAsync(name, cancellationToken) : null;
        var current = policy is null ? null : SourceArnOf(policy);
        resource.Observed = current;
        if (!sourceArn.TryGetKnown(out var wanted))
        {
            if (current is not null)
                PlanRemoval(resource, lambda, name, current);
            resource.Step(AwsService.Lambda, "AddPermission", functionExists ? "the API is new" : "the function is new",
                (step, ct) => AddAsync(step, lambda, name, sourceArn, ct), consumes: [sourceArn]);
            return;
        }

        if (current == wanted)
        {
            resource.Adopt(Record(name, wanted));
            return;
        }
        if (current is not null)
            PlanRemoval(resource, lambda, name, current);
        resource.Step(AwsService.Lambda, "AddPermission", "API Gateway may not invoke the function",
            (step, ct) => AddAsync(step, lambda, name, sourceArn, ct), consumes: [sourceArn]);
    }

    private static void PlanRemoval(ResourcePlan resource, ILambdaApi lambda, string name, string current) =>
        resource.Step(AwsService.Lambda, "RemovePermission", $"the permission names another API ({current})", async (step, ct) =>
        {
            await IgnoringNotFound(lambda.RemovePermissionAsync(name, StatementId, ct));
            step.Forget(LogicalName);
        });

    /// <inheritdoc/>
    protected override Task<DeployedPermission?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        // The statement lives in the function's policy: deleting the function (found by name) deletes it.
        Task.FromResult<DeployedPermission?>(null);

    /// <inheritdoc/>
    protected override string Describe(DeployedPermission record) => $"permission {record.StatementId} of Lambda function {record.FunctionName}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedPermission record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.Lambda, "RemovePermission", record.FunctionName, "the stage no longer has an API",
            (_, ct) => IgnoringNotFound(aws.Lambda.RemovePermissionAsync(record.FunctionName, record.StatementId, ct))),
    ];

    /// <inheritdoc/>
    protected override bool IsDeletedWith(DeployedPermission record, DeployedResource other) =>
        other is DeployedFunction function && function.FunctionName == record.FunctionName;

    private static DeployedPermission Record(string functionName, string sourceArn) => new()
    {
        Name = LogicalName,
        FunctionName = functionName,
        StatementId = StatementId,
        SourceArn = sourceArn,
    };

    /// <summary>The source ARN of our statement in a function policy, or null when the policy has no such statement.</summary>
    private static string? SourceArnOf(LambdaPolicy policy) =>
        policy.Statements.FirstOrDefault(s => s.Sid == StatementId) is { } ours ? ours.SourceArn ?? "(any source)" : null;

    private static async Task AddAsync(StepContext step, ILambdaApi lambda, string functionName, Ref<string> sourceArn, CancellationToken cancellationToken)
    {
        var request = new AddPermissionRequest
        {
            FunctionName = functionName,
            StatementId = StatementId,
            Action = Action,
            Principal = Principal,
            SourceArn = step.Get(sourceArn),
        };
        try
        {
            await lambda.AddPermissionAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The first attempt's answer was lost and its replay found the statement: check it is the one we sent.
            var policy = await lambda.GetPolicyAsync(request.FunctionName, cancellationToken);
            if (policy is null || SourceArnOf(policy) != request.SourceArn)
                throw;
        }
        step.Record(Record(functionName, request.SourceArn));
    }

    /// <summary>The statement the app wants (its source ARN is the API's, known once function and API exist).</summary>
    /// <param name="StatementId">The statement's id.</param>
    /// <param name="Principal">Who may invoke.</param>
    /// <param name="Action">What it may do.</param>
    internal sealed record DesiredPermission(string StatementId, string Principal, string Action);
}
