namespace Chalice.Deploy.Planning;

/// <summary>
/// The ARN of each of the app's Lambda functions, by the function's name in the app (<c>api_handler</c>, <c>resize</c>,
/// …): known for a function that exists, else the output of the step that creates it. What the planners of event
/// sources (rules, mappings, subscriptions, notifications) wire to their function.
/// </summary>
internal sealed class FunctionArns
{
    private readonly Dictionary<string, Ref<string>> _arns = new(StringComparer.Ordinal);

    /// <summary>The names of the functions.</summary>
    public IReadOnlyCollection<string> Names => _arns.Keys;

    /// <summary>The ARN of <paramref name="function"/>.</summary>
    /// <exception cref="InvalidOperationException">The function planner planned no such function: a bug in a planner.</exception>
    public Ref<string> Of(string function) =>
        _arns.TryGetValue(function, out var arn) ? arn : throw new InvalidOperationException($"No Lambda function is planned for {function}.");

    /// <summary>Adds a function's ARN.</summary>
    internal void Add(string function, Ref<string> arn)
    {
        if (!_arns.TryAdd(function, arn))
            throw new InvalidOperationException($"Two Lambda functions are planned for {function}.");
    }
}
