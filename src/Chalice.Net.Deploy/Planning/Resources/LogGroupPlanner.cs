using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the log group of each function whose settings name <c>log_retention_in_days</c>, as Chalice does
/// (aws/chalice <c>chalice/deploy/appgraph.py</c> and <c>planner.py</c>, <c>_plan_loggroup</c>): the group Lambda
/// writes the function's logs to, <c>/aws/lambda/{function}</c>, created if missing, with that retention (put again
/// only when it differs, so a no-op redeploy changes nothing). Lambda creates the group itself on the first
/// invocation, so the role needs no permission for it. When the setting or the function goes, only the retention
/// policy is deleted and the group with its logs is kept, as Chalice's sweeper does (<c>_delete_log_group</c>):
/// deleting the group would delete the function's logs.
/// </summary>
/// <remarks>
/// Chalice names the API function's group <c>/aws/lambda/{app}-{stage}-api_handler</c>, which is not the group its
/// <c>{app}-{stage}</c> function writes to; here every group is the one its function writes to.
/// </remarks>
internal sealed class LogGroupPlanner : ResourcePlanner<DeployedLogGroup>
{
    /// <inheritdoc/>
    public override string ResourceType => "log_group";

    /// <summary>The log group Lambda writes a function's logs to.</summary>
    public static string LogGroupOf(string functionName) => $"/aws/lambda/{functionName}";

    /// <summary>The logical name of a function's log group (Chalice's <c>{name}-log-group</c>).</summary>
    public static string LogicalNameOf(string function) => $"{function}-log-group";

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var logs = context.Aws.Logs;
        foreach (var function in context.Spec.FunctionNames)
        {
            if (context.Spec.ConfigFor(function).LogRetentionInDays is not { } days)
                continue;
            var name = LogGroupOf(context.Names.FunctionOf(function));
            var logicalName = LogicalNameOf(function);
            var resource = context.Resource(logicalName, name, days);
            var group = (await logs.DescribeLogGroupsAsync(name, cancellationToken)).FirstOrDefault(g => g.LogGroupName == name);
            resource.Observed = group;
            var record = new DeployedLogGroup { Name = logicalName, LogGroupName = name, RetentionInDays = days };
            if (group is null)
            {
                resource.Step(AwsService.CloudWatchLogs, "CreateLogGroup", "the function's log group does not exist",
                    (step, ct) => CreateAsync(logs, name, context.Names, ct));
                resource.Step(AwsService.CloudWatchLogs, "PutRetentionPolicy", $"keep logs {days} days",
                    async (step, ct) =>
                    {
                        await logs.PutRetentionPolicyAsync(name, days, ct);
                        step.Record(record);
                    });
                continue;
            }
            resource.Adopt(record with { RetentionInDays = group.RetentionInDays });
            if (group.RetentionInDays != days)
                resource.Step(AwsService.CloudWatchLogs, "PutRetentionPolicy",
                    $"keep logs {days} days (now {group.RetentionInDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "forever"})",
                    async (step, ct) =>
                    {
                        await logs.PutRetentionPolicyAsync(name, days, ct);
                        step.Record(record);
                    });
        }
    }

    /// <inheritdoc/>
    /// <remarks>Which functions had groups is in the state file only: without it there is nothing of this kind to find.</remarks>
    protected override Task<DeployedLogGroup?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        Task.FromResult<DeployedLogGroup?>(null);

    /// <inheritdoc/>
    protected override string Describe(DeployedLogGroup record) => $"the retention of log group {record.LogGroupName}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedLogGroup record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.CloudWatchLogs, "DeleteRetentionPolicy", record.LogGroupName,
            "log_retention_in_days is no longer set for it (the group and its logs are kept)",
            (_, ct) => IgnoringNotFound(aws.Logs.DeleteRetentionPolicyAsync(record.LogGroupName, ct))),
    ];

    private static async Task CreateAsync(ICloudWatchLogsApi logs, string name, ResourceNames names, CancellationToken cancellationToken)
    {
        try
        {
            await logs.CreateLogGroupAsync(name, new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceAlreadyExistsException")
        {
            // Lambda made it meanwhile (the function ran), or a lost answer's replay did: the group is there either way.
        }
    }
}
