using Chalice.Policy.Analysis;
using Chalice.Policy.Documents;
using Chalice.Policy.Loading;
using Chalice.Policy.Resources;
using Chalice.Policy.Values;
using Microsoft.CodeAnalysis;

namespace Chalice.Policy;

/// <summary>
/// Infers the IAM policy an app's code needs from its AWS SDK calls, read with the compiler's semantic model: the calls
/// in every method of every project of the app (or, per function, those its handlers can reach), whatever holds the
/// client, with resources narrowed to what the code provably uses.
/// </summary>
public static class PolicyAnalyzer
{
    /// <summary>Analyses a loaded app as one piece: every call of every project counts.</summary>
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
        var scan = Scan(app, cancellationToken);
        return Policy(scan, app, environmentVariables, reachable: null, cancellationToken);
    }

    /// <summary>
    /// Analyses a loaded app per function: each function's policy covers the calls reachable from its handlers
    /// (<see cref="CallGraph"/>), read in one pass over the sources. An app without a <c>[ChaliceApp]</c> class has no
    /// functions to start from: its API function gets the whole app's policy.
    /// </summary>
    /// <param name="app">The app's compilations (see <see cref="AppProjectLoader"/>).</param>
    /// <param name="environmentOf">
    /// Each function's <c>environment_variables</c> (the stage's with its own): what <c>Environment.GetEnvironmentVariable</c>
    /// returns in that function.
    /// </param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>Each function's policy by name, the API function (<c>api_handler</c>) first, then in source order.</returns>
    public static IReadOnlyDictionary<string, PolicyAnalysisResult> AnalyzeFunctions(
        AppCompilation app,
        Func<string, IReadOnlyDictionary<string, string>> environmentOf,
        CancellationToken cancellationToken = default)
    {
        var scan = Scan(app, cancellationToken);
        var functions = AppFunctions.Find(app.Projects, cancellationToken);
        var results = new OrderedDictionary<string, PolicyAnalysisResult>(StringComparer.Ordinal);
        if (functions is null)
        {
            results[AppFunctions.ApiHandler] = Policy(scan, app, environmentOf(AppFunctions.ApiHandler), reachable: null, cancellationToken);
            return results;
        }
        foreach (var function in functions)
            results[function.Name] = Policy(scan, app, environmentOf(function.Name), scan.Scan.Graph.Reachable(function.Roots), cancellationToken);
        return results;
    }

    /// <summary>Every AWS SDK call of the app with its permissions, and the warnings, in source order.</summary>
    internal static (IReadOnlyList<InferredCall> Calls, IReadOnlyList<PolicyWarning> Warnings) Infer(
        AppCompilation app,
        IReadOnlyDictionary<string, string>? environmentVariables,
        CancellationToken cancellationToken) =>
        Infer(Scan(app, cancellationToken), app, environmentVariables, reachable: null, cancellationToken);

    /// <summary>
    /// The app's source scanned once, with the SDK call classifier every function's analysis shares (its service
    /// catalog reads the AWS SDK assemblies once, not once per function).
    /// </summary>
    private static (SourceScan Scan, SemanticModels Models, SdkCallClassifier Classifier) Scan(AppCompilation app, CancellationToken cancellationToken)
    {
        var models = new SemanticModels(app.Projects);
        return (SourceScan.Run(app.Projects, models, cancellationToken), models, new SdkCallClassifier(new AwsServiceCatalog()));
    }

    private static PolicyAnalysisResult Policy(
        (SourceScan Scan, SemanticModels Models, SdkCallClassifier Classifier) scan, AppCompilation app, IReadOnlyDictionary<string, string>? environmentVariables,
        HashSet<ISymbol>? reachable, CancellationToken cancellationToken)
    {
        var (calls, warnings) = Infer(scan, app, environmentVariables, reachable, cancellationToken);
        var permissions = new PermissionSet();
        foreach (var call in calls)
        {
            foreach (var (action, grant) in call.Grants)
                permissions.Add(action, grant);
        }
        var document = new PolicyDocument(permissions.ToStatements().Select(s => s.ToJson()));
        return new PolicyAnalysisResult(document, document.ToJson(), warnings);
    }

    /// <summary>The calls (and warnings) of the code in <paramref name="reachable"/>, or of all the code when it is null.</summary>
    private static (IReadOnlyList<InferredCall> Calls, IReadOnlyList<PolicyWarning> Warnings) Infer(
        (SourceScan Scan, SemanticModels Models, SdkCallClassifier Classifier) scanned,
        AppCompilation app,
        IReadOnlyDictionary<string, string>? environmentVariables,
        HashSet<ISymbol>? reachable,
        CancellationToken cancellationToken)
    {
        var (scan, models, classifier) = scanned;
        var evaluator = new ValueEvaluator(models, scan.Writes, new EnvironmentRule(environmentVariables ?? new Dictionary<string, string>()));
        var appDirectory = Path.GetDirectoryName(app.ProjectPath)!;
        var warnings = scan.OpaqueCalls
            .Where(c => reachable is null || reachable.Contains(c.Owner))
            .Select(c => Warning(c.Location, c.Message, appDirectory)).ToList();
        var calls = new List<InferredCall>();

        foreach (var site in scan.CallSites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reachable is not null && !reachable.Contains(site.Owner))
                continue;
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
