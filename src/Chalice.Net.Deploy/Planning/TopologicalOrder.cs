namespace Chalice.Deploy.Planning;

/// <summary>
/// Orders items so that each comes after its prerequisites, keeping the given order wherever the prerequisites allow
/// (so that the same plan always runs the same way).
/// </summary>
internal static class TopologicalOrder
{
    /// <summary>The items, each after its prerequisites.</summary>
    /// <param name="items">The items in their preferred order.</param>
    /// <param name="prerequisites">What must come before an item; each must be one of <paramref name="items"/>.</param>
    /// <param name="describe">Names an item in an error.</param>
    /// <exception cref="InvalidOperationException">A prerequisite is not among the items, or the items depend on each other in a cycle.</exception>
    public static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> items, Func<T, IEnumerable<T>> prerequisites, Func<T, string> describe)
        where T : class
    {
        var known = items.ToHashSet();
        var before = items.ToDictionary(item => item, item => prerequisites(item).Distinct().ToList());
        foreach (var (item, required) in before)
        {
            if (required.FirstOrDefault(r => !known.Contains(r)) is { } missing)
                throw new InvalidOperationException($"{describe(item)} needs {describe(missing)}, which is not part of the plan.");
        }

        var placed = new HashSet<T>();
        var order = new List<T>(items.Count);
        while (order.Count < items.Count)
        {
            var next = items.FirstOrDefault(item => !placed.Contains(item) && before[item].All(placed.Contains));
            if (next is null)
                throw new InvalidOperationException(
                    "These depend on each other in a cycle: " + string.Join(", ", items.Where(i => !placed.Contains(i)).Select(describe)) + ".");
            placed.Add(next);
            order.Add(next);
        }
        return order;
    }
}
