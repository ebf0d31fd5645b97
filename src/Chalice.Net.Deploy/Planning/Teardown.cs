using Chalice.Deploy.Aws;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Plans the deletion of recorded resources, for <c>delete</c> (everything recorded) and for a deploy (what the app no
/// longer has), with each kind's own planner: dependents first (the reverse of planning order), and a resource that
/// goes with another one deleted too (a function's permission) makes no call of its own.
/// </summary>
internal static class Teardown
{
    /// <summary>The deletions, in the order they run; each forgets its record once its last step succeeded.</summary>
    /// <exception cref="InvalidOperationException">A record's kind has no planner.</exception>
    public static IReadOnlyList<PlannedResource> Plan(IReadOnlyList<IResourcePlanner> planners, IReadOnlyList<DeployedResource> records, IAwsApis aws)
    {
        int PlanningPosition(DeployedResource record)
        {
            for (var i = 0; i < planners.Count; i++)
            {
                if (planners[i].RecordType == record.GetType())
                    return i;
            }
            throw new InvalidOperationException($"No planner deletes {record.GetType().Name} resources ({record.Name}).");
        }

        IResourcePlanner PlannerOf(DeployedResource record) => planners[PlanningPosition(record)];

        var ordered = records
            .Select((record, index) => (Record: record, Index: index))
            .OrderByDescending(r => PlanningPosition(r.Record))
            .ThenByDescending(r => r.Index)
            .Select(r => r.Record);
        List<PlannedResource> deletions = [];
        foreach (var record in ordered)
        {
            var planner = PlannerOf(record);
            if (records.Any(other => other != record && planner.IsDeletedWith(record, other)))
                continue;
            var goingWithIt = records.Where(other => other != record && PlannerOf(other).IsDeletedWith(other, record)).Select(o => o.Name);
            var steps = planner.PlanDeletion(record, aws).ToList();
            if (steps.Count == 0)
                throw new InvalidOperationException($"{planner.GetType().Name} plans no step to delete {record.Name}.");
            steps[^1] = steps[^1].AlsoForgetting([record.Name, .. goingWithIt]);
            deletions.Add(new PlannedResource(planner.ResourceType, record.Name, steps[0].Target, Desired: null, Observed: record, [], steps, Found: null));
        }
        return deletions;
    }
}
