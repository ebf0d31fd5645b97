using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Chalice.Policy.Analysis;

/// <summary>
/// Which piece of the app's code a syntax node belongs to, as the call graph counts pieces: the method, accessor,
/// constructor or operator whose body holds it (lambdas and local functions are part of the member they are written
/// in), else the initializers of its type (field and property initializers, a primary constructor's base arguments),
/// else nothing (top-level statements and code outside any type), which runs whatever function is invoked.
/// </summary>
internal static class CodeOwner
{
    /// <summary>The owner of <paramref name="node"/>: a method, a type (its initializers), or null for code every function runs.</summary>
    public static ISymbol? Of(SyntaxNode node, SemanticModel model)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AccessorDeclarationSyntax accessor:
                    return Key((ISymbol?)model.GetDeclaredSymbol(accessor));
                case BaseMethodDeclarationSyntax method:
                    return Key((ISymbol?)model.GetDeclaredSymbol(method));
                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                    return Key((ISymbol?)(model.GetDeclaredSymbol(property) as IPropertySymbol)?.GetMethod);
                case GlobalStatementSyntax:
                    return null;
                case BaseTypeDeclarationSyntax type:
                    return Key(model.GetDeclaredSymbol(type));
            }
        }
        return null;
    }

    /// <summary>
    /// The one symbol that stands for a method or type wherever it is named: its generic definition, the declaration
    /// of a partial method, the static form of an extension method called as an instance one.
    /// </summary>
    public static ISymbol? Key(ISymbol? symbol) => symbol switch
    {
        IMethodSymbol method => Key(method),
        INamedTypeSymbol type => type.OriginalDefinition,
        _ => null,
    };

    /// <inheritdoc cref="Key(ISymbol?)"/>
    public static IMethodSymbol Key(IMethodSymbol method)
    {
        var unreduced = method.ReducedFrom ?? method;
        var definition = unreduced.OriginalDefinition;
        return definition.PartialDefinitionPart ?? definition;
    }
}
