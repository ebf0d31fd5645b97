using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.Planning.Resources;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// What the structure guarantees whatever the planners: they are ordered by the values they declare, declarations
/// cannot lie (publishing or reading an undeclared value fails, and so does a step reading a reference it did not
/// declare), and a new kind of resource is one planner: planned in dependency order, its steps fed by the outputs of
/// others, recorded in the state file, and deleted dependents-first, with nothing else changed.
/// </summary>
public sealed class PlanEngineTests
{
    [Fact]
    public void Planners_are_ordered_by_the_values_they_consume_whatever_their_place_in_the_list()
    {
        var ordered = ResourcePlanners.Ordered([.. ResourcePlanners.All.Reverse()]);

        // Planners that do not depend on each other keep the order they were given in (here reversed).
        Assert.Equal(
            [typeof(Chalice.Deploy.Planning.Resources.LogGroupPlanner), typeof(ApiKeyPlanner), typeof(RolePlanner), typeof(FunctionPlanner), typeof(S3NotificationPlanner),
             typeof(SnsSubscriptionPlanner), typeof(EventSourceMappingPlanner), typeof(EventRulePlanner), typeof(HttpApiPlanner), typeof(RestApiPlanner),
             typeof(CustomDomainPlanner), typeof(UsagePlanPlanner), typeof(AuthorizerPermissionPlanner), typeof(PermissionPlanner)],
            ordered.Select(p => p.GetType()));
        Assert.Equal(
            [typeof(RolePlanner), typeof(FunctionPlanner), typeof(RestApiPlanner), typeof(HttpApiPlanner), typeof(PermissionPlanner),
             typeof(EventRulePlanner), typeof(EventSourceMappingPlanner), typeof(SnsSubscriptionPlanner), typeof(S3NotificationPlanner),
             typeof(AuthorizerPermissionPlanner), typeof(ApiKeyPlanner), typeof(UsagePlanPlanner), typeof(Chalice.Deploy.Planning.Resources.LogGroupPlanner), typeof(CustomDomainPlanner)],
            ResourcePlanners.All.Select(p => p.GetType()));
    }

    [Fact]
    public void A_value_no_planner_produces_two_producers_of_one_value_and_a_cycle_are_refused()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => ResourcePlanners.Ordered([new FunctionPlanner()]));
        Assert.Equal("FunctionPlanner consumes the role ARNs, which no planner produces.", missing.Message);

        var second = new ScriptedPlanner<DeployedA>("a", produces: [RolePlanner.RoleArn]);
        var twice = Assert.Throws<InvalidOperationException>(() => ResourcePlanners.Ordered([new RolePlanner(), second]));
        Assert.Contains("produce the role ARN", twice.Message, StringComparison.Ordinal);

        var left = new Export<string>("left");
        var right = new Export<string>("right");
        var cycle = Assert.Throws<InvalidOperationException>(() => ResourcePlanners.Ordered(
        [
            new ScriptedPlanner<DeployedA>("a", consumes: [left], produces: [right]),
            new ScriptedPlanner<DeployedB>("b", consumes: [right], produces: [left]),
        ]));
        Assert.StartsWith("These depend on each other in a cycle", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planner_cannot_publish_or_read_a_value_it_did_not_declare()
    {
        var undeclared = new ScriptedPlanner<DeployedA>("a", plan: context =>
            context.Publish(RolePlanner.RoleArn, Ref.Known("role ARN", "arn:aws:iam::123456789012:role/x", origin: null)));
        using (var stage = new InMemoryStage([undeclared]))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stage.PlanAsync());
            Assert.Contains("publishes the role ARN without declaring it", error.Message, StringComparison.Ordinal);
        }

        var reader = new ScriptedPlanner<DeployedB>("b", plan: context => context.Find(RolePlanner.RoleArn));
        using (var stage = new InMemoryStage([new RolePlanner(), reader]))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stage.PlanAsync());
            Assert.Contains("reads the role ARN without declaring it", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_step_that_reads_a_reference_it_did_not_declare_fails_before_calling_anything()
    {
        var called = false;
        var sneaky = new ScriptedPlanner<DeployedA>("a", consumes: [RolePlanner.RoleArn], plan: context =>
        {
            var roleArn = context.Require(RolePlanner.RoleArn);
            context.Resource("a", "a", desired: "a").Step(AwsService.Lambda, "Sneak", "test", (step, _) =>
            {
                step.Get(roleArn);
                called = true;
                return Task.CompletedTask;
            });
        });
        using var stage = new InMemoryStage([new RolePlanner(), sneaky]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stage.DeployAsync());

        Assert.Equal("Lambda Sneak a: test reads the role ARN without declaring it.", error.Message);
        Assert.False(called);
    }

    [Fact]
    public async Task A_new_kind_of_resource_is_one_planner_ordered_fed_recorded_and_deleted_by_the_engine()
    {
        var logs = new LogGroupPlanner();
        // Listed first: the engine puts it after the function whose ARN it consumes.
        using var stage = new InMemoryStage([logs, .. ResourcePlanners.All]);

        var plan = await stage.PlanAsync();

        Assert.Equal(["default-role", "api_handler", LogGroupPlanner.LogicalName, "rest_api", "api_handler_invoke_permission"],
            plan.Resources.Select(r => r.Name));
        Assert.Equal(["api_handler"], plan.Resource(LogGroupPlanner.LogicalName).DependsOn);
        var create = Assert.Single(plan.Resource(LogGroupPlanner.LogicalName).Steps);
        Assert.Equal([plan.Steps.Single(s => s.Operation == "CreateFunction")], create.Prerequisites);
        Assert.Contains("   uses the function ARN from step 3", plan.Describe());

        var (result, _) = await stage.DeployAsync();
        Assert.Equal(["/aws/lambda/s3test-dev"], logs.LogGroups);
        var recorded = Assert.Single(result.State.Resources.OfType<DeployedLogGroup>());
        Assert.Equal(stage.Aws.FakeLambda.Inspect("s3test-dev").Configuration.FunctionArn, recorded.FunctionArn);
        var file = JsonNode.Parse(File.ReadAllText(stage.Store.PathFor("dev")))!["resources"]!.AsArray();
        Assert.Contains(file, r => r!["resource_type"]!.GetValue<string>() == "example_log_group" && r["log_group_name"]!.GetValue<string>() == "/aws/lambda/s3test-dev");
        Assert.Equal(recorded, stage.Store.Load("dev")!.Find<DeployedLogGroup>(LogGroupPlanner.LogicalName));
        Assert.True((await stage.PlanAsync()).IsUpToDate);

        var (deleted, calls) = await stage.DeleteAsync();
        Assert.Equal(["REST API", "log group", "Lambda function", "IAM role"], deleted.Select(d => d[..d.LastIndexOf(' ')]));
        Assert.Empty(logs.LogGroups);
        Assert.Equal(["API Gateway DeleteRestApi", "Lambda DeleteFunction", "IAM DeleteRolePolicy", "IAM DeleteRole"], calls.MutatingOperations);
    }

    private sealed record DeployedA : DeployedResource;

    private sealed record DeployedB : DeployedResource;

    /// <summary>A planner whose declarations and planning a test chooses.</summary>
    private sealed class ScriptedPlanner<TRecord>(
        string kind, IReadOnlyList<Export>? consumes = null, IReadOnlyList<Export>? produces = null, Action<PlanningContext>? plan = null)
        : ResourcePlanner<TRecord> where TRecord : DeployedResource
    {
        public override string ResourceType => kind;

        public override IReadOnlyList<Export> Consumes => consumes ?? [];

        public override IReadOnlyList<Export> Produces => produces ?? [];

        public override Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
        {
            plan?.Invoke(context);
            return Task.CompletedTask;
        }

        protected override Task<TRecord?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
            Task.FromResult<TRecord?>(null);

        protected override string Describe(TRecord record) => record.Name;

        protected override IReadOnlyList<PlannedStep> PlanDeletion(TRecord record, IAwsApis aws) => [];
    }
}
