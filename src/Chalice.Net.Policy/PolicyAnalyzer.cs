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
        var models = new SemanticModels(app.Projects);
        var scan = SourceScan.Run(app.Projects, models, cancellationToken);
        var evaluator = new ValueEvaluator(models, scan.Writes, new EnvironmentRule(environmentVariables ?? new Dictionary<string, string>()));
        var classifier = new SdkCallClassifier(new AwsServiceCatalog());
        var permissions = new PermissionSet();
        var appDirectory = Path.GetDirectoryName(app.ProjectPath)!;
        var warnings = scan.OpaqueCalls.Select(c => Warning(c.Location, c.Message, appDirectory)).ToList();

        foreach (var (invocation, compilation) in scan.Invocations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inputs = new CallInputs(invocation, evaluator, scan.Writes);
            if (classifier.Classify(invocation, compilation, inputs) is not { } call)
                continue;
            if (call.Problem is not null)
                warnings.Add(Warning(invocation.Syntax.GetLocation(), $"{call.Member}: {call.Problem}", appDirectory));
            foreach (var action in call.Actions)
                permissions.Add(action.Action, ResourceScopes.Resolve(action, inputs));
        }

        var document = new PolicyDocument(permissions.ToStatements().Select(s => s.ToJson()));
        var ordered = warnings.Distinct()
            .OrderBy(w => w.File, StringComparer.Ordinal)
            .ThenBy(w => w.Line)
            .ThenBy(w => w.Message, StringComparer.Ordinal)
            .ToArray();
        return new PolicyAnalysisResult(document, document.ToJson(), ordered);
    }

    private static PolicyWarning Warning(Location location, string message, string appDirectory)
    {
        var span = location.GetLineSpan();
        var relative = Path.GetRelativePath(appDirectory, span.Path);
        var file = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? span.Path : relative;
        return new PolicyWarning(file.Replace('\\', '/'), span.StartLinePosition.Line + 1, message);
    }
}
