using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Parsing;

/// <summary>
/// Which values the runtime serializes through the app's JSON contexts: everything but text, bytes, streams,
/// <c>Response</c>, JSON nodes (which write themselves) and <c>object</c> (looked up by its runtime type, which the
/// compiler cannot see). Mirrors Chalice.Net's <c>ResponseEncoder</c>.
/// </summary>
internal static class JsonBodyRule
{
    public static bool NeedsMetadata(ITypeSymbol type, KnownTypes types) =>
        type.SpecialType is not (SpecialType.System_Object or SpecialType.System_String)
        && type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
        && !KnownTypes.Is(type, types.Response)
        && !KnownTypes.DerivesFrom(type, types.Stream)
        && !KnownTypes.DerivesFrom(type, types.JsonNode)
        && !KnownTypes.Is(type, types.ReadOnlyMemory);
}
