using Chalice.Deploy.Aws.Lambda;

namespace Chalice.Deploy.Planning;

/// <summary>The function configuration a deploy wants: from the package (runtime, handler, architecture) and the stage.</summary>
internal sealed record FunctionSettings(
    string Runtime,
    string Handler,
    string Architecture,
    int MemorySize,
    int Timeout,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Tags,
    int? ReservedConcurrency)
{
    public static FunctionSettings For(DeploymentSpec spec)
    {
        var config = spec.Config;
        // The user's tags, then ours, which identify the resource and must not be overridden.
        var tags = new SortedDictionary<string, string>(config.Tags.ToDictionary(), StringComparer.Ordinal)
        {
            [ResourceNames.TagKey] = spec.Names.TagValue,
        };
        return new FunctionSettings(
            spec.Package.Runtime, spec.Package.Handler, spec.Package.Architecture, config.LambdaMemorySize, config.LambdaTimeout,
            config.EnvironmentVariables, tags, config.ReservedConcurrency);
    }

    /// <summary>How the function's configuration differs from this (empty when it does not).</summary>
    public IReadOnlyList<string> ConfigurationChanges(LambdaFunctionConfiguration actual, string roleArn)
    {
        List<string> changes = [];
        void Compare<T>(string name, T? current, T wanted)
        {
            if (!EqualityComparer<T>.Default.Equals(current, wanted))
                changes.Add($"{name} {current?.ToString() ?? "(none)"} → {wanted}");
        }
        Compare("role", actual.Role, roleArn);
        Compare("runtime", actual.Runtime, Runtime);
        Compare("handler", actual.Handler, Handler);
        Compare("memory", actual.MemorySize, (int?)MemorySize);
        Compare("timeout", actual.Timeout, (int?)Timeout);
        var variables = actual.Environment?.Variables ?? new Dictionary<string, string>();
        if (variables.Count != Environment.Count || Environment.Any(e => !variables.TryGetValue(e.Key, out var v) || v != e.Value))
            changes.Add("environment variables");
        return changes;
    }

    public LambdaEnvironment LambdaEnvironment => new() { Variables = Environment };
}
