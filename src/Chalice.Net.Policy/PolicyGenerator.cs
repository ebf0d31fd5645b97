using System.Text.Json.Nodes;
using Chalice.Policy.Analysis;
using Chalice.Policy.Documents;
using Chalice.Policy.Loading;
using Chalice.Project;

namespace Chalice.Policy;

/// <summary>
/// Produces an app's policy with Chalice's semantics: generated from the code when <c>autogen_policy</c> is true
/// (plus the statements of <c>iam_policy_merge_file</c>), else the stage's policy file, verbatim.
/// </summary>
public static class PolicyGenerator
{
    private const string ChaliceDirectory = ".chalice";

    /// <summary>The policy of a whole app (every call of every project) for the given settings of one of its stages.</summary>
    /// <param name="projectOrDirectory">The app's folder (holding its project file and <c>.chalice/</c>), or its project file.</param>
    /// <param name="settings">The stage's policy settings.</param>
    /// <param name="cancellationToken">Cancels loading and analysis.</param>
    /// <exception cref="AppProjectException">There is no such app folder or project.</exception>
    /// <exception cref="ProjectLoadException">The app's project cannot be loaded.</exception>
    /// <exception cref="InvalidPolicyException">A policy file is missing or invalid.</exception>
    public static async Task<PolicyAnalysisResult> GenerateAsync(
        string projectOrDirectory, PolicySettings settings, CancellationToken cancellationToken = default)
    {
        var appDirectory = AppProject.FindDirectory(projectOrDirectory);
        if (!settings.AutogenPolicy)
            return PolicyFile(appDirectory, settings);

        var app = await AppProjectLoader.LoadAsync(projectOrDirectory, cancellationToken);
        return WithSettings(PolicyAnalyzer.Analyze(app, settings.EnvironmentVariables, cancellationToken), settings, appDirectory);
    }

    /// <summary>
    /// The policy of each of the app's functions (<see cref="PolicyAnalyzer.AnalyzeFunctions"/>), each with its own
    /// settings' semantics: generated from the code its handlers reach when its <c>autogen_policy</c> is true, else its
    /// policy file, verbatim. The project is loaded once for all of them.
    /// </summary>
    /// <param name="projectOrDirectory">The app's folder (holding its project file and <c>.chalice/</c>), or its project file.</param>
    /// <param name="settingsOf">
    /// A function's policy settings (<c>lambda_functions.&lt;name&gt;</c> over the stage's); <c>api_handler</c>'s are the stage's.
    /// </param>
    /// <param name="configuredFunctions">The functions <c>lambda_functions</c> names (which may set their own <c>autogen_policy</c>).</param>
    /// <param name="cancellationToken">Cancels loading and analysis.</param>
    /// <returns>
    /// Each function's policy by name, <c>api_handler</c> first. When no function's policy is generated (the stage's
    /// <c>autogen_policy</c> is false and no function sets it true), the project is not loaded: the policies are the
    /// files of <c>api_handler</c> and of the configured functions, and every other function has the stage's file as
    /// <c>api_handler</c> has.
    /// </returns>
    /// <exception cref="AppProjectException">There is no such app folder, or no project when one is needed.</exception>
    /// <exception cref="ProjectLoadException">The app's project cannot be loaded.</exception>
    /// <exception cref="InvalidPolicyException">A policy file is missing or invalid.</exception>
    public static async Task<IReadOnlyDictionary<string, PolicyAnalysisResult>> GenerateFunctionsAsync(
        string projectOrDirectory, Func<string, PolicySettings> settingsOf, IReadOnlyCollection<string> configuredFunctions,
        CancellationToken cancellationToken = default)
    {
        var appDirectory = AppProject.FindDirectory(projectOrDirectory);
        var policies = new OrderedDictionary<string, PolicyAnalysisResult>(StringComparer.Ordinal);
        if (!NeedsAnalysis(settingsOf, configuredFunctions))
        {
            // Nothing to infer: the files alone, without the seconds a load takes (or a project at all).
            foreach (var function in configuredFunctions.Prepend(AppFunctions.ApiHandler).Distinct(StringComparer.Ordinal))
                policies[function] = PolicyFile(appDirectory, settingsOf(function));
            return policies;
        }

        var app = await AppProjectLoader.LoadAsync(projectOrDirectory, cancellationToken);
        var generated = PolicyAnalyzer.AnalyzeFunctions(app, function => settingsOf(function).EnvironmentVariables, cancellationToken);
        foreach (var (function, result) in generated)
        {
            var settings = settingsOf(function);
            policies[function] = settings.AutogenPolicy ? WithSettings(result, settings, appDirectory) : PolicyFile(appDirectory, settings);
        }
        return policies;
    }

    /// <summary>
    /// Whether some function's policy is generated: the stage's <c>autogen_policy</c> (which every function not in
    /// <paramref name="configuredFunctions"/> has) or a configured function's own.
    /// </summary>
    public static bool NeedsAnalysis(Func<string, PolicySettings> settingsOf, IEnumerable<string> configuredFunctions) =>
        configuredFunctions.Prepend(AppFunctions.ApiHandler).Any(function => settingsOf(function).AutogenPolicy);

    /// <summary>The policy file <paramref name="settings"/> name (for <c>autogen_policy</c> false), validated, its text verbatim.</summary>
    /// <exception cref="InvalidPolicyException">The file is missing or invalid.</exception>
    public static PolicyAnalysisResult PolicyFile(string appDirectory, PolicySettings settings)
    {
        var (text, document) = ReadPolicyFile(appDirectory, settings.PolicyFile, "iam_policy_file");
        return new PolicyAnalysisResult(document, text, []);
    }

    /// <summary>A generated policy with what the settings add: their statements and the merge file's.</summary>
    private static PolicyAnalysisResult WithSettings(PolicyAnalysisResult analysed, PolicySettings settings, string appDirectory)
    {
        var generated = WithSettingsStatements(analysed, settings);
        if (settings.IamPolicyMergeFile is not { } mergeFile)
            return generated;

        var (_, extra) = ReadPolicyFile(appDirectory, mergeFile, "iam_policy_merge_file");
        var merged = Merge(generated.Document, extra);
        return generated with { Document = merged, Json = merged.ToJson() };
    }

    /// <summary>The statements the settings call for, which no code shows: a VPC's network interfaces, X-Ray's traces.</summary>
    private static PolicyAnalysisResult WithSettingsStatements(PolicyAnalysisResult generated, PolicySettings settings)
    {
        List<PolicyStatement> extra = [];
        if (settings.VpcAccess)
            extra.Add(PermissionSet.VpcStatement);
        if (settings.XrayTracing)
            extra.Add(PermissionSet.XrayStatement);
        if (extra.Count == 0)
            return generated;
        var document = new PolicyDocument([.. generated.Document.Statements, .. extra.Select(s => s.ToJson())], generated.Document.Version);
        return generated with { Document = document, Json = document.ToJson() };
    }

    /// <summary>
    /// The generated statements followed by the extra ones. An extra statement whose Sid names a generated statement
    /// replaces it, so a user can widen or narrow what the analyzer inferred.
    /// </summary>
    internal static PolicyDocument Merge(PolicyDocument generated, PolicyDocument extra)
    {
        var replacements = extra.Statements
            .Where(s => SidOf(s) is not null)
            .ToDictionary(s => SidOf(s)!, StringComparer.Ordinal);
        var statements = generated.Statements
            .Select(s => SidOf(s) is { } sid && replacements.Remove(sid, out var replacement) ? replacement : s)
            .ToList();
        statements.AddRange(extra.Statements.Where(s => SidOf(s) is not { } sid || replacements.ContainsKey(sid)));
        return new PolicyDocument(statements);
    }

    private static string? SidOf(JsonObject statement) => statement["Sid"]?.GetValue<string>();

    private static (string Text, PolicyDocument Document) ReadPolicyFile(string appDirectory, string file, string setting)
    {
        var path = Path.Combine(appDirectory, ChaliceDirectory, file);
        var shown = Path.Combine(ChaliceDirectory, file);
        if (!File.Exists(path))
            throw new InvalidPolicyException($"{shown} does not exist (named by {setting}).");
        var text = File.ReadAllText(path);
        return (text, PolicyDocument.Parse(text, shown));
    }
}
