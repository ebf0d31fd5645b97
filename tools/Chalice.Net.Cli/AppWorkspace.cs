using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.State;
using Chalice.Policy;
using Chalice.Project;

namespace Chalice.Cli;

/// <summary>How strictly a command holds <c>.chalice/config.json</c> to its rules.</summary>
internal enum ConfigCheck
{
    /// <summary>Every problem is a warning: the command neither builds nor deploys the settings (url, delete).</summary>
    WarnOnly,

    /// <summary>Problems stop the command (deploy, package, gen-policy).</summary>
    Enforce,

    /// <summary>As <see cref="Enforce"/>, but unknown keys are warnings (<c>--ignore-unknown-settings</c>).</summary>
    EnforceExceptUnknownKeys,
}

/// <summary>An app's folder as the commands see it: its project, its <c>.chalice/config.json</c> and one stage of it.</summary>
internal sealed class AppWorkspace
{
    private AppWorkspace(AppProject project, ChaliceConfig config, StageConfig stage)
    {
        Project = project;
        Config = config;
        Stage = stage;
        Store = new DeployedStateStore(project.Directory);
    }

    public AppProject Project { get; }

    public ChaliceConfig Config { get; }

    public StageConfig Stage { get; }

    /// <summary>The app's deployment records (<c>.chalice/deployed/</c>).</summary>
    public DeployedStateStore Store { get; }

    /// <summary>
    /// Opens the app at <paramref name="projectOrDirectory"/> (its folder or its project file) for one stage, with its
    /// config checked as <paramref name="check"/> says; warnings go to <paramref name="warnings"/>. Settings given as
    /// options (<paramref name="commandLine"/>, <see cref="ConfigOverrideOptions"/>) win over the file.
    /// </summary>
    /// <exception cref="AppProjectException">There is no app there.</exception>
    /// <exception cref="ChaliceConfigException">The config has problems that stop the command, one line each.</exception>
    public static AppWorkspace Open(string projectOrDirectory, string stage, ConfigCheck check, TextWriter warnings, JsonObject? commandLine = null)
    {
        var project = AppProject.Find(projectOrDirectory);
        var config = LoadConfig(project.Directory, stage, check, warnings);
        if (commandLine is not null)
            config = config.WithCommandLine(commandLine);
        return new AppWorkspace(project, config, config.ForStage(stage));
    }

    /// <summary>
    /// Loads <c>.chalice/config.json</c> of an app folder and checks what applies to <paramref name="stage"/>: the
    /// problems <paramref name="check"/> makes errors stop the command, the others are printed as warnings.
    /// </summary>
    /// <exception cref="ChaliceConfigException">The config has problems that stop the command, one line each.</exception>
    public static ChaliceConfig LoadConfig(string appDirectory, string stage, ConfigCheck check, TextWriter warnings)
    {
        var config = ChaliceConfig.Load(appDirectory);
        var problems = config.Validate(stage);
        var errors = problems.Where(p => check != ConfigCheck.WarnOnly && p.IsError(check == ConfigCheck.EnforceExceptUnknownKeys)).ToArray();
        if (errors.Length > 0)
        {
            throw new ChaliceConfigException(errors
                .Select(p => p.Kind == ConfigProblemKind.UnknownSetting ? $"{p} (--ignore-unknown-settings makes this a warning)" : p.ToString())
                .ToArray());
        }
        foreach (var problem in problems)
            warnings.WriteLine($"warning: {problem}");
        return config;
    }

    /// <summary>The name resources are named after: <c>app_name</c>, else the <c>[ChaliceApp]</c> name.</summary>
    public string AppName(AppManifest manifest) => Config.AppName ?? manifest.Name;

    /// <summary>
    /// Builds the app for Lambda as the stage's <c>lambda_runtime</c> and <c>lambda_architecture</c> say; the build's
    /// warnings go to <paramref name="warnings"/>.
    /// </summary>
    public async Task<(LambdaPackage Package, AppManifest Manifest)> PackageAsync(
        string? outputDirectory, TextWriter warnings, CancellationToken cancellationToken)
    {
        var runtime = Stage.LambdaRuntime == "dotnet10" ? LambdaRuntimeKind.Managed : LambdaRuntimeKind.NativeAot;
        var architecture = Stage.LambdaArchitecture == "arm64" ? LambdaArchitecture.Arm64 : LambdaArchitecture.X86_64;
        var package = await new LambdaPackager().PackageAsync(new PackageRequest(Project, runtime, architecture, outputDirectory), cancellationToken);
        foreach (var warning in package.BuildWarnings)
            await warnings.WriteLineAsync(warning);
        var manifest = AppManifest.Read(package.AppAssemblyPath);
        return (package, manifest);
    }

    /// <summary>The stage's policy settings, as <c>gen-policy</c> and the deployer use them.</summary>
    public static PolicySettings PolicySettings(StageConfig config) => new()
    {
        Stage = config.Stage,
        AutogenPolicy = config.AutogenPolicy,
        IamPolicyFile = config.IamPolicyFile,
        IamPolicyMergeFile = config.IamPolicyMergeFile,
        EnvironmentVariables = config.EnvironmentVariables,
        VpcAccess = config.HasVpcConfig,
        XrayTracing = config.Xray,
    };

    /// <summary>A function's policy settings: <c>lambda_functions.&lt;name&gt;</c> over the stage's.</summary>
    public PolicySettings PolicySettingsOf(string function) => PolicySettings(Config.ForStage(Stage.Stage, function));

    /// <summary>
    /// The IAM policy of each of the app's functions (what <c>gen-policy</c> prints); analysis warnings go to
    /// <paramref name="warnings"/>. A deploy reuses the last ones while the app's sources are unchanged (<see cref="PolicyCache"/>).
    /// </summary>
    public async Task<FunctionPolicies> PolicyAsync(TextWriter warnings, CancellationToken cancellationToken)
    {
        var configured = Config.ConfiguredFunctions(Stage.Stage);
        if (!PolicyGenerator.NeedsAnalysis(PolicySettingsOf, configured))
        {
            // Every function's policy is a file: read each when its role is planned, nothing to analyse or cache.
            return new FunctionPolicies(new Dictionary<string, string>(),
                function => PolicyGenerator.PolicyFile(Project.Directory, PolicySettingsOf(function)).Json);
        }
        // Taken before the analysis: a file saved meanwhile makes the next deploy analyse again.
        var sources = BuildFingerprint.Compute(Project.ProjectFile, "policy", Stage.Stage).Sources;
        if (PolicyCache.Find(Project.Directory, Stage.Stage, sources) is { } cached)
        {
            foreach (var warning in cached.Warnings)
                await warnings.WriteLineAsync(warning);
            return new FunctionPolicies(cached.Policies);
        }
        var results = await PolicyGenerator.GenerateFunctionsAsync(Project.ProjectFile, PolicySettingsOf, configured, cancellationToken);
        var lines = PolicyWarnings(results.Values);
        foreach (var warning in lines)
            await warnings.WriteLineAsync(warning);
        var policies = results.ToDictionary(r => r.Key, r => r.Value.Json, StringComparer.Ordinal);
        PolicyCache.Record(Project.Directory, Stage.Stage, sources, policies, lines);
        return new FunctionPolicies(policies);
    }

    /// <summary>The warnings of several functions' analyses, each once, in source order.</summary>
    public static IReadOnlyList<string> PolicyWarnings(IEnumerable<PolicyAnalysisResult> results) =>
        results.SelectMany(r => r.Warnings).Distinct()
            .OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line).ThenBy(w => w.Message, StringComparer.Ordinal)
            .Select(w => w.ToString()).ToArray();

    /// <summary>What to deploy for the stage.</summary>
    public DeploymentSpec Spec(LambdaPackage package, AppManifest manifest, TextWriter warnings) => new()
    {
        AppName = AppName(manifest),
        Config = Stage,
        FunctionConfig = function => this.Config.ForStage(Stage.Stage, function),
        Package = package,
        Manifest = manifest,
        Policy = cancellationToken => PolicyAsync(warnings, cancellationToken),
        ApiGatewayPolicy = ReadApiGatewayPolicy(),
    };

    /// <summary>The stage's <c>api_gateway_policy_file</c>, relative to <c>.chalice/</c> as in Chalice; null when it names none.</summary>
    /// <exception cref="ChaliceConfigException">The file does not exist.</exception>
    private string? ReadApiGatewayPolicy()
    {
        if (Stage.ApiGatewayPolicyFile is not { } file)
            return null;
        var path = Path.Combine(Project.Directory, ChaliceConfig.DirectoryName, file);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new ChaliceConfigException($"{ChaliceConfig.DirectoryName}/{file} does not exist (named by api_gateway_policy_file).");
    }
}
