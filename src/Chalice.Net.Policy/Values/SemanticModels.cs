using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Values;

/// <summary>One semantic model per syntax tree of the app, from the compilation the tree belongs to.</summary>
internal sealed class SemanticModels
{
    private readonly Dictionary<SyntaxTree, Compilation> _compilations = [];
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public SemanticModels(IEnumerable<Compilation> compilations)
    {
        foreach (var compilation in compilations)
        {
            foreach (var tree in compilation.SyntaxTrees)
                _compilations[tree] = compilation;
        }
    }

    /// <summary>The model of a tree of the app, or null for a tree the app does not compile.</summary>
    public SemanticModel? For(SyntaxTree tree) =>
        _compilations.TryGetValue(tree, out var compilation)
            ? _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t))
            : null;

    /// <summary>The operation of a node of the app's source.</summary>
    public IOperation? OperationOf(SyntaxNode node) => For(node.SyntaxTree)?.GetOperation(node);
}
