using Chalice.Deploy.Planning.Resources;

namespace Chalice.Deploy.Planning;

/// <summary>The kinds of resource the deployer manages: the one list a new kind is added to.</summary>
internal static class ResourcePlanners
{
    /// <summary>
    /// Every planner, in planning order. Their position here does not matter: they are ordered by the values they
    /// consume and produce (ties keep this order), and deletions run in the reverse order.
    /// </summary>
    public static IReadOnlyList<IResourcePlanner> All { get; } =
        Ordered(
        [
            new RolePlanner(), new FunctionPlanner(), new RestApiPlanner(), new HttpApiPlanner(), new PermissionPlanner(),
            new EventRulePlanner(), new EventSourceMappingPlanner(), new SnsSubscriptionPlanner(), new S3NotificationPlanner(),
            new AuthorizerPermissionPlanner(), new ApiKeyPlanner(), new UsagePlanPlanner(),
            new LogGroupPlanner(),
            new CustomDomainPlanner(),
        ]);

    /// <summary>The planners, each after the producers of what it consumes.</summary>
    /// <exception cref="InvalidOperationException">
    /// A value is produced by two planners or by none that a planner consumes, two planners record the same kind, or
    /// planners consume each other's values in a cycle.
    /// </exception>
    public static IReadOnlyList<IResourcePlanner> Ordered(IReadOnlyList<IResourcePlanner> planners)
    {
        if (planners.GroupBy(p => p.ResourceType).FirstOrDefault(g => g.Count() > 1) is { } sameKind)
            throw new InvalidOperationException($"Two planners record {sameKind.Key} resources.");
        if (planners.GroupBy(p => p.RecordType).FirstOrDefault(g => g.Count() > 1) is { } sameRecord)
            throw new InvalidOperationException($"Two planners record {sameRecord.Key.Name}.");
        var producers = new Dictionary<Export, IResourcePlanner>();
        foreach (var planner in planners)
        {
            foreach (var export in planner.Produces)
            {
                if (!producers.TryAdd(export, planner))
                    throw new InvalidOperationException($"Both {producers[export].GetType().Name} and {planner.GetType().Name} produce the {export}.");
            }
        }
        return TopologicalOrder.Sort(planners,
            planner => planner.Consumes.Select(export => producers.TryGetValue(export, out var producer)
                ? producer
                : throw new InvalidOperationException($"{planner.GetType().Name} consumes the {export}, which no planner produces.")),
            planner => planner.GetType().Name);
    }
}
