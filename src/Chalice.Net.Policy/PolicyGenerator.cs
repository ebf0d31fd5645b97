using System.Text.Json.Nodes;
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

    /// <summary>The policy of an app for the given settings of one of its stages.</summary>
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
        {
            var (text, document) = ReadPolicyFile(appDirectory, settings.PolicyFile, "iam_policy_file");
            return new PolicyAnalysisResult(document, text, []);
        }

        var app = await AppProjectLoader.LoadAsync(projectOrDirectory, cancellationToken);
        var generated = WithSettingsStatements(PolicyAnalyzer.Analyze(app, settings.EnvironmentVariables, cancellationToken), settings);
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
