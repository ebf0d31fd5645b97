using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Plans the statement of the function's resource policy that lets API Gateway invoke it, limited to the stage's API
/// (<c>arn:aws:execute-api:REGION:ACCOUNT:APIID/*</c>).
/// </summary>
internal static class PermissionPlanner
{
    private const string StatementId = ResourceNames.InvokePermissionStatementId;

    public static async Task PlanAsync(DeploymentRun run, List<PlannedStep> steps, CancellationToken cancellationToken)
    {
        var name = run.Names.Function;
        if (run.FunctionArn is null || run.RestApiId is null)
        {
            steps.Add(Step("AddPermission", name, run.FunctionArn is null ? "the function is new" : "the API is new", AddAsync));
            return;
        }

        var policy = await run.Aws.Lambda.GetPolicyAsync(name, cancellationToken);
        var current = policy is null ? null : SourceArnOf(policy.Policy);
        if (current == run.InvokeSourceArn)
        {
            run.Adopt(Recorded(run));
            return;
        }
        if (current is not null)
            steps.Add(Step("RemovePermission", name, $"the permission names another API ({current})", RemoveAsync));
        steps.Add(Step("AddPermission", name, "API Gateway may not invoke the function", AddAsync));
    }

    /// <summary>The source ARN of our statement in a function policy, or null when the policy has no such statement.</summary>
    private static string? SourceArnOf(string policyJson)
    {
        try
        {
            var statements = JsonNode.Parse(policyJson)?["Statement"] as JsonArray ?? [];
            var ours = statements.OfType<JsonObject>().FirstOrDefault(s => s["Sid"]?.GetValue<string>() == StatementId);
            if (ours is null)
                return null;
            return ours["Condition"]?["ArnLike"]?["AWS:SourceArn"]?.GetValue<string>() ?? "(any source)";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DeployedPermission Recorded(DeploymentRun run) => new()
    {
        Name = "api_handler_invoke_permission",
        FunctionName = run.Names.Function,
        StatementId = StatementId,
        SourceArn = run.InvokeSourceArn,
    };

    private static async Task AddAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        var request = new AddPermissionRequest
        {
            FunctionName = run.Names.Function,
            StatementId = StatementId,
            Action = "lambda:InvokeFunction",
            Principal = "apigateway.amazonaws.com",
            SourceArn = run.InvokeSourceArn,
        };
        try
        {
            await run.Aws.Lambda.AddPermissionAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The first attempt's answer was lost and its replay found the statement: check it is the one we sent.
            var policy = await run.Aws.Lambda.GetPolicyAsync(request.FunctionName, cancellationToken);
            if (policy is null || SourceArnOf(policy.Policy) != request.SourceArn)
                throw;
        }
        run.Record(Recorded(run));
    }

    private static async Task RemoveAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        try
        {
            await run.Aws.Lambda.RemovePermissionAsync(run.Names.Function, StatementId, cancellationToken);
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
        }
        if (run.State.Find<DeployedPermission>() is not null)
            run.Forget<DeployedPermission>();
    }

    private static PlannedStep Step(string operation, string target, string reason, Func<DeploymentRun, CancellationToken, Task> apply) =>
        new("Lambda", operation, target, reason, apply);
}
