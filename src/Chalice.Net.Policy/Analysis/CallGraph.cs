using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Chalice.Policy.Analysis;

/// <summary>
/// What each piece of the app's code (a <see cref="CodeOwner"/>) may run, recorded in the same pass over the sources
/// that finds the SDK calls, and the pieces reachable from a function's handlers. Conservative where the compiler
/// cannot say which code runs:
/// <list type="bullet">
/// <item>a call, a method group made into a delegate, a property, indexer or event used, an operator, a <c>foreach</c>
/// or <c>await</c> pattern method: that member (every accessor of a property);</item>
/// <item>a virtual, abstract or interface member: also every member of the app that overrides or implements it;</item>
/// <item>a type named anywhere (<c>new T()</c>, <c>typeof(T)</c>, <c>AddSingleton&lt;IFoo, Foo&gt;()</c>, a parameter's
/// type) and a type whose member runs: its constructors, initializers and those of its base types in the app — so a
/// service that dependency injection builds is covered once it is registered or asked for.</item>
/// </list>
/// </summary>
internal sealed class CallGraph
{
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _edges = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _dispatch = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _sourceTypes = new(SymbolEqualityComparer.Default);

    /// <summary>Records what <paramref name="node"/> refers to, if it refers to code, as run by its owner.</summary>
    public void Visit(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case SimpleNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax
                or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax:
                var info = model.GetSymbolInfo(node, cancellationToken);
                if (info.Symbol is { } symbol)
                    AddReference(node, model, symbol);
                else
                {
                    foreach (var candidate in info.CandidateSymbols)
                        AddReference(node, model, candidate);
                }
                break;
            case CommonForEachStatementSyntax forEach:
                var loop = model.GetForEachStatementInfo(forEach);
                AddReferences(node, model, loop.GetEnumeratorMethod, loop.MoveNextMethod, loop.CurrentProperty, loop.DisposeMethod);
                break;
            case AwaitExpressionSyntax awaitExpression:
                var awaiting = model.GetAwaitExpressionInfo(awaitExpression);
                AddReferences(node, model, awaiting.GetAwaiterMethod, awaiting.IsCompletedProperty, awaiting.GetResultMethod);
                break;
            case BaseTypeDeclarationSyntax type:
                if (model.GetDeclaredSymbol(type, cancellationToken) is { } declared)
                    AddSourceType(declared);
                break;
        }
    }

    /// <summary>
    /// Every piece of code reachable from <paramref name="roots"/> (methods or types); null in the set stands for the
    /// code outside any member, which every function runs.
    /// </summary>
    public HashSet<ISymbol> Reachable(IEnumerable<ISymbol> roots)
    {
        var reached = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ISymbol>();
        void Reach(ISymbol symbol)
        {
            if (reached.Add(symbol))
                pending.Push(symbol);
        }

        foreach (var root in roots)
            Reach(root);
        while (pending.TryPop(out var current))
        {
            if (_edges.TryGetValue(current, out var targets))
            {
                foreach (var target in targets)
                    Reach(target);
            }
            if (_dispatch.TryGetValue(current, out var implementations))
            {
                foreach (var implementation in implementations)
                    Reach(implementation);
            }
            // Code of a type runs only on an instance someone built, or after its static initialization.
            if (current is IMethodSymbol { ContainingType: { } containing })
                Reach(containing.OriginalDefinition);
            if (current is INamedTypeSymbol type)
            {
                for (var t = type; t is not null && _sourceTypes.Contains(t.OriginalDefinition); t = t.BaseType)
                {
                    Reach(t.OriginalDefinition);
                    foreach (var constructor in t.OriginalDefinition.Constructors.Concat(t.OriginalDefinition.StaticConstructors))
                        Reach(CodeOwner.Key(constructor));
                }
            }
        }
        return reached;
    }

    private void AddReferences(SyntaxNode node, SemanticModel model, params ISymbol?[] symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is not null)
                AddReference(node, model, symbol);
        }
    }

    private void AddReference(SyntaxNode node, SemanticModel model, ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                return; // part of the member it is written in
            case IMethodSymbol method:
                AddEdge(node, model, CodeOwner.Key(method));
                break;
            case IPropertySymbol property:
                AddEdge(node, model, property.GetMethod is { } getter ? CodeOwner.Key(getter) : null);
                AddEdge(node, model, property.SetMethod is { } setter ? CodeOwner.Key(setter) : null);
                break;
            case IEventSymbol @event:
                AddEdge(node, model, @event.AddMethod is { } add ? CodeOwner.Key(add) : null);
                AddEdge(node, model, @event.RemoveMethod is { } remove ? CodeOwner.Key(remove) : null);
                break;
            case INamedTypeSymbol type:
                AddEdge(node, model, type.OriginalDefinition);
                break;
        }
    }

    private void AddEdge(SyntaxNode node, SemanticModel model, ISymbol? target)
    {
        if (target is null)
            return;
        var owner = CodeOwner.Of(node, model) ?? GlobalCode.Instance;
        if (!_edges.TryGetValue(owner, out var targets))
            _edges[owner] = targets = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        targets.Add(target);
    }

    /// <summary>Records the app's type and, for each virtual or interface member it overrides or implements, its member.</summary>
    private void AddSourceType(INamedTypeSymbol type)
    {
        if (!_sourceTypes.Add(type.OriginalDefinition))
            return; // a partial type's other part
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                AddDispatch(overridden, method);
        }
        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers().OfType<IMethodSymbol>())
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                    AddDispatch(member, implementation);
            }
        }
    }

    private void AddDispatch(IMethodSymbol declared, IMethodSymbol implementation)
    {
        var key = CodeOwner.Key(declared);
        if (!_dispatch.TryGetValue(key, out var implementations))
            _dispatch[key] = implementations = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        implementations.Add(CodeOwner.Key(implementation));
    }

    /// <summary>Stands for the code outside any member (top-level statements), which every function runs.</summary>
    internal static class GlobalCode
    {
        /// <summary>A symbol no source declares, as the key of that code.</summary>
        public static ISymbol Instance { get; } = CSharpCompilation.Create("chalice-net-global-code").GlobalNamespace;
    }
}
