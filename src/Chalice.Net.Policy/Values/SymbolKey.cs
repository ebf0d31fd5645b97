using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Values;

/// <summary>
/// Identifies a field or property across the compilations of an app: a project sees a referenced project's symbols
/// through its own compilation, so symbol instances differ while the assembly and documentation id agree.
/// </summary>
internal static class SymbolKey
{
    public static string Of(ISymbol symbol) =>
        $"{symbol.ContainingAssembly?.Name}|{symbol.OriginalDefinition.GetDocumentationCommentId()}";
}
