using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;

namespace Chalice.Deploy;

/// <summary>What to deploy: one stage of an app, built into a package, with the stage's settings and IAM policy.</summary>
internal sealed record DeploymentSpec
{
    /// <summary>The app's name (<c>app_name</c> of the config, else the <c>[ChaliceApp]</c> name).</summary>
    public required string AppName { get; init; }

    /// <summary>The stage's resolved settings (<c>.chalice/config.json</c>), which also name the stage.</summary>
    public required StageConfig Config { get; init; }

    /// <summary>
    /// The stage's settings of one of the app's functions (<c>lambda_functions.&lt;name&gt;</c> over the stage's), as
    /// <see cref="ChaliceConfig.ForStage"/> resolves them; <c>api_handler</c>'s are <see cref="Config"/>.
    /// </summary>
    public required Func<string, StageConfig> FunctionConfig { get; init; }

    /// <summary>The deployment package.</summary>
    public required LambdaPackage Package { get; init; }

    /// <summary>The app's functions and routes, as the source generator recorded them.</summary>
    public required AppManifest Manifest { get; init; }

    /// <summary>
    /// Produces the inline policy of each function's execution role. Called at most once, and only when the deployer
    /// manages a role (<c>manage_iam_role</c>), so an app with its own roles never pays for policy analysis.
    /// </summary>
    public required Func<CancellationToken, Task<FunctionPolicies>> Policy { get; init; }

    /// <summary>
    /// The text of the stage's <c>api_gateway_policy_file</c> (the REST API's resource policy), read by whoever made
    /// the spec from the app's <c>.chalice/</c>; null when the stage names none.
    /// </summary>
    public string? ApiGatewayPolicy { get; init; }

    /// <summary>
    /// Reads an environment variable of the deploying process: where an API key's <c>value_env</c> is read from (the
    /// process's environment unless a test gives its own).
    /// </summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The settings of <paramref name="function"/>: <see cref="Config"/> for the API, else its own.</summary>
    public StageConfig ConfigFor(string function) => function == ChaliceConfig.ApiHandlerName ? Config : FunctionConfig(function);

    /// <summary>The app's functions by name: <c>api_handler</c> first (always deployed), then the manifest's others.</summary>
    public IEnumerable<string> FunctionNames =>
        Manifest.Functions.Select(f => f.Name).Prepend(ChaliceConfig.ApiHandlerName).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the deployer manages the role of any function (<c>manage_iam_role</c>), and so needs <see cref="Policy"/>.</summary>
    public bool ManagesAnyRole => FunctionNames.Any(f => ConfigFor(f).ManageIamRole);

    /// <summary>The stage.</summary>
    public string Stage => Config.Stage;

    /// <summary>The names of the stage's resources.</summary>
    public ResourceNames Names => ResourceNames.For(AppName, Stage);
}
