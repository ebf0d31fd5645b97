using Chalice.Configuration;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Lambda;

namespace Chalice.Deploy.Planning;

/// <summary>
/// The configuration a deploy wants for one of the app's Lambda functions: from the package (runtime, handler,
/// architecture) and the function's settings in the stage (<c>lambda_functions.&lt;name&gt;</c> over the stage's).
/// </summary>
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
    /// <summary>The API's (<c>api_handler</c>) settings.</summary>
    public static FunctionSettings For(DeploymentSpec spec) => For(spec, ChaliceConfig.ApiHandlerName);

    /// <summary>
    /// The settings of the function named <paramref name="function"/>. One package serves every function, and the
    /// configuration selects it as <see cref="LambdaFunctionSelector"/> reads it: the API keeps the package's handler
    /// (<c>bootstrap</c> or the assembly's name); on <c>provided.al2023</c> another function's handler is its name; on
    /// the managed runtime the handler must stay the assembly's name, so <c>CHALICE_FUNCTION</c> names the function.
    /// </summary>
    public static FunctionSettings For(DeploymentSpec spec, string function)
    {
        var config = spec.ConfigFor(function);
        var package = spec.Package;
        var isApi = function == ChaliceConfig.ApiHandlerName;
        var customRuntime = package.Runtime.StartsWith("provided", StringComparison.Ordinal);
        var handler = isApi || !customRuntime ? package.Handler : function;
        var environment = config.EnvironmentVariables;
        if (!isApi && !customRuntime)
            environment = new Dictionary<string, string>(environment, StringComparer.Ordinal) { [LambdaFunctionSelector.FunctionVariable] = function };
        // The user's tags, then ours, which identify the resource and must not be overridden.
        var tags = new SortedDictionary<string, string>(config.Tags.ToDictionary(), StringComparer.Ordinal)
        {
            [ResourceNames.TagKey] = spec.Names.TagValue,
        };
        return new FunctionSettings(
            package.Runtime, handler, package.Architecture, config.LambdaMemorySize, config.LambdaTimeout, environment, tags,
            config.ReservedConcurrency);
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
