namespace Chalice.Policy.Values;

/// <summary>
/// What <c>Environment.GetEnvironmentVariable(name)</c> returns in the deployed function. Chalice sets a function's
/// environment to exactly the stage's <c>environment_variables</c>, so a declared variable has its configured value
/// and an undeclared one is null (so <c>?? "default"</c> yields the default) — except the variables Lambda itself
/// sets (<c>AWS_*</c>, <c>LAMBDA_*</c>, <c>_HANDLER</c>, …), which are unknown.
/// </summary>
internal sealed class EnvironmentRule(IReadOnlyDictionary<string, string> declared)
{
    private static readonly HashSet<string> s_lambdaVariables = new(StringComparer.Ordinal)
    {
        "TZ", "LANG", "PATH", "LD_LIBRARY_PATH",
    };

    public StringValue Read(string name)
    {
        if (declared.TryGetValue(name, out var value))
            return StringValue.Exact(value);
        var setByLambda = name.StartsWith("AWS_", StringComparison.Ordinal) ||
                          name.StartsWith("LAMBDA_", StringComparison.Ordinal) ||
                          name.StartsWith('_') ||
                          s_lambdaVariables.Contains(name);
        return setByLambda ? StringValue.Unknown : StringValue.Null;
    }
}
