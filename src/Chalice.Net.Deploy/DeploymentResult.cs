using Chalice.Deploy.Planning;
using Chalice.Deploy.State;

namespace Chalice.Deploy;

/// <summary>A finished deploy: the state it recorded and the changes it made.</summary>
/// <param name="State">What is deployed now (also in the state file).</param>
/// <param name="Changes">The changes made, in order; empty when everything was up to date.</param>
internal sealed record DeploymentResult(DeployedState State, IReadOnlyList<PlannedStep> Changes)
{
    /// <summary>The API's own URL (the stage's), or null when the app has no routes.</summary>
    public string? Url => State.Api?.Url;
}
