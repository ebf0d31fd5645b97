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
    /// <summary>Lambda's <c>/tmp</c> when the function does not say (the EphemeralStorage default).</summary>
    public const int DefaultEphemeralStorage = 512;

    /// <summary><c>subnet_ids</c>, empty unless the function runs in a VPC (<see cref="SecurityGroupIds"/> is then set too).</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    /// <summary><c>security_group_ids</c>, empty unless the function runs in a VPC.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary><c>layers</c>: layer version ARNs, in order.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary><c>xray</c>: X-Ray active tracing.</summary>
    public bool Xray { get; init; }

    /// <summary><c>lambda_ephemeral_storage</c> in MB.</summary>
    public int EphemeralStorage { get; init; } = DefaultEphemeralStorage;

    /// <summary>Whether the function is attached to a VPC.</summary>
    public bool InVpc => SubnetIds.Count > 0 && SecurityGroupIds.Count > 0;

    /// <summary>Lambda's tracing mode for <see cref="Xray"/>.</summary>
    public string TracingMode => Xray ? "Active" : "PassThrough";

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
        var inVpc = config.HasVpcConfig; // the validator refuses one without the other
        return new FunctionSettings(
            package.Runtime, handler, package.Architecture, config.LambdaMemorySize, config.LambdaTimeout, environment, tags,
            config.ReservedConcurrency)
        {
            SubnetIds = inVpc ? config.SubnetIds : [],
            SecurityGroupIds = inVpc ? config.SecurityGroupIds : [],
            Layers = config.Layers,
            Xray = config.Xray,
            EphemeralStorage = config.LambdaEphemeralStorage ?? DefaultEphemeralStorage,
        };
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
        void CompareLists(string name, IEnumerable<string>? current, IReadOnlyList<string> wanted, bool ordered)
        {
            var have = (current ?? []).ToArray();
            var same = ordered ? have.SequenceEqual(wanted, StringComparer.Ordinal)
                : have.Order(StringComparer.Ordinal).SequenceEqual(wanted.Order(StringComparer.Ordinal), StringComparer.Ordinal);
            if (!same)
                changes.Add($"{name} [{string.Join(", ", have)}] → [{string.Join(", ", wanted)}]");
        }
        Compare("role", actual.Role, roleArn);
        Compare("runtime", actual.Runtime, Runtime);
        Compare("handler", actual.Handler, Handler);
        Compare("memory", actual.MemorySize, (int?)MemorySize);
        Compare("timeout", actual.Timeout, (int?)Timeout);
        var variables = actual.Environment?.Variables ?? new Dictionary<string, string>();
        if (variables.Count != Environment.Count || Environment.Any(e => !variables.TryGetValue(e.Key, out var v) || v != e.Value))
            changes.Add("environment variables");
        CompareLists("subnets", actual.VpcConfig?.SubnetIds, SubnetIds, ordered: false);
        CompareLists("security groups", actual.VpcConfig?.SecurityGroupIds, SecurityGroupIds, ordered: false);
        // Layers apply in order: a reordering is a change.
        CompareLists("layers", actual.Layers?.Select(l => l.Arn ?? ""), Layers, ordered: true);
        Compare("tracing", actual.TracingConfig?.Mode ?? "PassThrough", TracingMode);
        Compare("ephemeral storage", actual.EphemeralStorage?.Size ?? DefaultEphemeralStorage, EphemeralStorage);
        return changes;
    }

    public LambdaEnvironment LambdaEnvironment => new() { Variables = Environment };

    /// <summary>The VPC attachment to send: empty lists detach a function that no longer has one.</summary>
    public LambdaVpcConfig LambdaVpcConfig => new() { SubnetIds = SubnetIds, SecurityGroupIds = SecurityGroupIds };

    public LambdaTracingConfig LambdaTracingConfig => new() { Mode = TracingMode };

    public LambdaEphemeralStorage LambdaEphemeralStorage => new() { Size = EphemeralStorage };
}
