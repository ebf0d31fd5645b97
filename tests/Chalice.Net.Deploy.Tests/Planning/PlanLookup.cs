using Chalice.Deploy.Planning;

namespace Chalice.Deploy.Tests.Planning;

internal static class PlanLookup
{
    /// <summary>The plan's resource of a logical name.</summary>
    public static PlannedResource Resource(this DeploymentPlan plan, string name) => plan.Resources.Single(r => r.Name == name);
}
