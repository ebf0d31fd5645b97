using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Analysis;

/// <summary>The types a compilation declares itself, nested ones included.</summary>
internal static class DeclaredTypes
{
    public static IEnumerable<INamedTypeSymbol> Of(Compilation compilation) => In(compilation.Assembly.GlobalNamespace);

    private static IEnumerable<INamedTypeSymbol> In(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var declared in WithNested(type))
                yield return declared;
        }
        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in In(child))
                yield return type;
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var declared in WithNested(nested))
                yield return declared;
        }
    }
}
