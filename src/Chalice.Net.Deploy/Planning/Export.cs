namespace Chalice.Deploy.Planning;

/// <summary>
/// A value one planner publishes for others, e.g. the role ARN the function planner needs. Both sides declare it
/// (<see cref="IResourcePlanner.Produces"/>, <see cref="IResourcePlanner.Consumes"/>), which orders the planners.
/// </summary>
/// <param name="description">What it is, e.g. <c>role ARN</c>.</param>
internal abstract class Export(string description)
{
    /// <summary>What it is.</summary>
    public string Description { get; } = description;

    /// <inheritdoc/>
    public override string ToString() => Description;
}

/// <summary>A typed <see cref="Export"/>: its publisher gives a <see cref="Ref{T}"/> of this type.</summary>
/// <param name="description">What it is, e.g. <c>role ARN</c>.</param>
internal sealed class Export<T>(string description) : Export(description) where T : notnull;
