using Chalice.Policy.Analysis;
using Chalice.Policy.Documents;
using Chalice.Policy.Loading;
using Chalice.Policy.Resources;
using Chalice.Policy.Values;
using Microsoft.CodeAnalysis;

namespace Chalice.Policy;

/// <summary>
/// Infers the IAM policy an app's code needs from its AWS SDK calls, read with the compiler's semantic model: every
/// call in every method of every project of the app, whatever holds the client, with resources narrowed to what the
/// code provably uses.
/// </summary>
public static class PolicyAnalyzer
{
    /// <summary>Analyses a loaded app.</summary>
    /// <param name="app">The app's compilations (see <see cref="AppProjectLoader"/>).</param>
    /// <param name="environmentVariables">
    /// The stage's <c>environment_variables</c>: the values <c>Environment.GetEnvironmentVariable</c> returns in the
    /// deployed function; variables absent here are null there.
    /// </param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public static PolicyAnalysisResult Analyze(
        AppCompilation app,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        CancellationToken cancellationToken = default)
    {
        var (calls, warnings) = Infer(app, environmentVariables, cancellationToken);
        var permissions = new PermissionSet();
        foreach (var call in calls)
        {
            foreach (var (action, grant) in call.Grants)
                permissions.Add(action, grant);
        }
        var document = new PolicyDocument(permissions.ToStatements().Select(s => s.ToJson()));
        return new PolicyAnalysisResult(document, document.ToJson(), warnings);
    }

    /// <summary>Every AWS SDK call of the app with its permissions, and the warnings, in source order.</summary>
    internal static (IReadOnlyList<InferredCall> Calls, IReadOnlyList<PolicyWarning> Warnings) Infer(
        AppCompilation app,
        IReadOnlyDictionary<string, string>? environmentVariables,
        CancellationToken cancellationToken)
    {
        var models = new SemanticModels(app.Projects);
        var scan = SourceScan.Run(app.Projects, models, cancellationToken);
        var evaluator = new ValueEvaluator(models, scan.Writes, new EnvironmentRule(environmentVariables ?? new Dictionary<string, string>()));
        var classifier = new SdkCallClassifier(new AwsServiceCatalog());
        var appDirectory = Path.GetDirectoryName(app.ProjectPath)!;
        var warnings = scan.OpaqueCalls.Select(c => Warning(c.Location, c.Message, appDirectory)).ToList();
        var calls = new List<InferredCall>();

        foreach (var site in scan.CallSites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inputs = new CallInputs(site.Arguments, evaluator, scan.Writes);
            if (classifier.Classify(site.Method, site.Compilation, inputs) is not { } call)
                continue;
            var (file, line) = Position(site.Syntax.GetLocation(), appDirectory);
            if (call.Problem is not null)
                warnings.Add(new PolicyWarning(file, line, $"{call.Member}: {call.Problem}"));
            calls.Add(new InferredCall(file, line, call.Member,
                call.Actions.Select(action => (action.Action, ResourceScopes.Resolve(action, inputs))).ToArray()));
        }

        var orderedWarnings = warnings.Distinct()
            .OrderBy(w => w.File, StringComparer.Ordinal)
            .ThenBy(w => w.Line)
            .ThenBy(w => w.Message, StringComparer.Ordinal)
            .ToArray();
        return (calls, orderedWarnings);
    }

    private static PolicyWarning Warning(Location location, string message, string appDirectory)
    {
        var (file, line) = Position(location, appDirectory);
        return new PolicyWarning(file, line, message);
    }

    private static (string File, int Line) Position(Location location, string appDirectory)
    {
        var span = location.GetLineSpan();
        var relative = Path.GetRelativePath(appDirectory, span.Path);
        var file = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? span.Path : relative;
        return (file.Replace('\\', '/'), span.StartLinePosition.Line + 1);
    }
}
