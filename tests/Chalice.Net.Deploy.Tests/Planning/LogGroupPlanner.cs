using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.Planning.Resources;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>A record of a kind the deployer does not have.</summary>
internal sealed record DeployedLogGroup : DeployedResource
{
    public required string LogGroupName { get; init; }

    public required string FunctionArn { get; init; }
}

/// <summary>
/// A kind of resource added the way a new one is meant to be: this one planner, and nothing else of the deployer
/// touched. Its "service" is a set of log group names, so the test sees what the steps did.
/// </summary>
internal sealed class LogGroupPlanner : ResourcePlanner<DeployedLogGroup>
{
    public const string LogicalName = "api_handler_logs";

    private static readonly AwsService s_logs = new("logs", "logs", "CloudWatch Logs", AwsProtocol.RestJson, "2014-03-28");

    /// <summary>The log groups that exist.</summary>
    public HashSet<string> LogGroups { get; } = [];

    // Not the deployer's own log_group (Resources/LogGroupPlanner.cs): a kind it does not have.
    public override string ResourceType => "example_log_group";

    public override IReadOnlyList<Export> Consumes => [FunctionPlanner.FunctionArn];

    public override Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var name = $"/aws/lambda/{context.Names.Function}";
        var resource = context.Resource(LogicalName, name, desired: name);
        var functionArn = resource.Uses(context.Require(FunctionPlanner.FunctionArn));
        if (LogGroups.Contains(name) && context.Recorded.Find<DeployedLogGroup>(LogicalName) is { } recorded)
        {
            resource.Observed = name;
            resource.Adopt(recorded);
            return Task.CompletedTask;
        }
        resource.Step(s_logs, "CreateLogGroup", "the log group does not exist", (step, _) =>
        {
            LogGroups.Add(name);
            step.Record(new DeployedLogGroup { Name = LogicalName, LogGroupName = name, FunctionArn = step.Get(functionArn) });
            return Task.CompletedTask;
        }, consumes: [functionArn]);
        return Task.CompletedTask;
    }

    protected override Task<DeployedLogGroup?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        Task.FromResult<DeployedLogGroup?>(null);

    protected override string Describe(DeployedLogGroup record) => $"log group {record.LogGroupName}";

    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedLogGroup record, IAwsApis aws) =>
    [
        DeletionStep(record, s_logs, "DeleteLogGroup", record.LogGroupName, "the stage no longer has it", (_, _) =>
        {
            LogGroups.Remove(record.LogGroupName);
            return Task.CompletedTask;
        }),
    ];
}
