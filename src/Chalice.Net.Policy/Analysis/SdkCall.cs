using Chalice.Policy.Actions;

namespace Chalice.Policy.Analysis;

/// <summary>
/// An AWS SDK call site recognised by <see cref="SdkCallClassifier"/>: the member called (for messages), the actions
/// it needs, and a problem to report when the actions could only be approximated or not found at all.
/// </summary>
internal sealed record SdkCall(string Member, IReadOnlyList<ActionRequirement> Actions, string? Problem = null);
