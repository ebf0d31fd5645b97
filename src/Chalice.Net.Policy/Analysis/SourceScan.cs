using Chalice.Policy.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Policy.Analysis;

/// <summary>
/// One pass over every syntax tree of the app (method bodies, accessors, lambdas, local functions, initializers,
/// top-level statements alike): collects each call site (invocations and method groups made into delegates) with
/// the compilation it belongs to, records every write into the <see cref="WriteIndex"/>, and notes the calls no
/// analysis can see into (<c>dynamic</c>, reflection), and builds the <see cref="CallGraph"/> that says which calls each
/// function can reach.
/// </summary>
internal sealed class SourceScan
{
    private readonly SemanticModels _models;

    private SourceScan(SemanticModels models) => _models = models;

    public List<CallSite> CallSites { get; } = [];

    public WriteIndex Writes { get; } = new();

    public List<(Location Location, string Message, ISymbol Owner)> OpaqueCalls { get; } = [];

    public CallGraph Graph { get; } = new();

    public static SourceScan Run(IEnumerable<Compilation> compilations, SemanticModels models, CancellationToken cancellationToken)
    {
        var scan = new SourceScan(models);
        foreach (var compilation in compilations)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = models.For(tree)!;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    scan.Visit(node, model, compilation, cancellationToken);
            }
        }
        return scan;
    }

    private void Visit(SyntaxNode node, SemanticModel model, Compilation compilation, CancellationToken cancellationToken)
    {
        Graph.Visit(node, model, cancellationToken);
        switch (node)
        {
            case InvocationExpressionSyntax:
                switch (model.GetOperation(node, cancellationToken))
                {
                    case IInvocationOperation invocation:
                        CallSites.Add(new CallSite(invocation.TargetMethod, invocation.Arguments, node, compilation, Owner(node, model)));
                        if (IsReflectionInvoke(invocation.TargetMethod))
                        {
                            OpaqueCalls.Add((node.GetLocation(),
                                $"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name} calls a method " +
                                "chosen at run time; if it calls AWS, add the actions it needs to the iam_policy_merge_file.", Owner(node, model)));
                        }
                        break;
                    case IDynamicInvocationOperation dynamic:
                        OpaqueCalls.Add((node.GetLocation(),
                            $"dynamic call '{DynamicName(dynamic)}' cannot be analysed; if it calls AWS, use the client's " +
                            "static type or add the actions it needs to the iam_policy_merge_file.", Owner(node, model)));
                        break;
                }
                break;
            case MemberAccessExpressionSyntax when node.Parent is not InvocationExpressionSyntax and not MemberAccessExpressionSyntax:
                if (model.GetOperation(node, cancellationToken) is IMethodReferenceOperation reference)
                    CallSites.Add(new CallSite(reference.Method, [], node, compilation, Owner(node, model)));
                break;
            case AssignmentExpressionSyntax:
                RecordAssignment(model.GetOperation(node, cancellationToken));
                break;
            case VariableDeclaratorSyntax { Initializer: not null }:
                if (model.GetOperation(node, cancellationToken) is IVariableDeclaratorOperation { Symbol: var local } declarator)
                    Writes.RecordLocal(local, declarator.Initializer?.Value);
                break;
            case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword or (int)SyntaxKind.RefKeyword }:
                if (model.GetOperation(node, cancellationToken) is IArgumentOperation argument)
                    RecordUnknownWrite(argument.Value);
                break;
        }
    }

    private static ISymbol Owner(SyntaxNode node, SemanticModel model) => CodeOwner.Of(node, model) ?? CallGraph.GlobalCode.Instance;

    private void RecordAssignment(IOperation? assignment)
    {
        switch (assignment)
        {
            case ISimpleAssignmentOperation simple:
                Writes.RecordWrite(simple.Target, simple.Value);
                break;
            case ICoalesceAssignmentOperation coalesce:
                Writes.RecordWrite(coalesce.Target, coalesce.Value);
                break;
            case ICompoundAssignmentOperation compound:
                Writes.RecordWrite(compound.Target, null);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                RecordUnknownWrite(deconstruction.Target);
                break;
        }
    }

    private void RecordUnknownWrite(IOperation target)
    {
        foreach (var written in target.DescendantsAndSelf())
        {
            if (written is ILocalReferenceOperation or IMemberReferenceOperation)
                Writes.RecordWrite(written, null);
        }
    }

    private static bool IsReflectionInvoke(IMethodSymbol method) =>
        (method.Name is "Invoke" or "InvokeMember" &&
         method.ContainingType.ContainingNamespace.ToDisplayString() == "System.Reflection") ||
        method is { Name: "InvokeMember", ContainingType.Name: "Type" };

    private static string DynamicName(IDynamicInvocationOperation dynamic) =>
        dynamic.Operation is IDynamicMemberReferenceOperation member ? member.MemberName : dynamic.Syntax.ToString();
}
