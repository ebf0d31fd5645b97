using System.Collections.Generic;
using System.Linq;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Analysis;

/// <summary>
/// The types an app can read or write as JSON: those the project's JsonSerializerContexts declare with
/// <c>[JsonSerializable]</c>, those of Chalice.Net's own context (read from the referenced assembly's metadata, so the
/// runtime's list is the only list), and the types reachable through their properties and elements, which the JSON
/// source generator covers too.
/// </summary>
internal sealed class JsonMetadataCatalog
{
    private readonly Compilation _compilation;
    private readonly KnownTypes _types;
    private readonly object _gate = new();
    private HashSet<ITypeSymbol>? _covered;
    private bool _hasOwnContext;

    public JsonMetadataCatalog(Compilation compilation, KnownTypes types)
    {
        _compilation = compilation;
        _types = types;
    }

    /// <summary>Whether the project declares a JsonSerializerContext of its own (else CHALICE009 offers one to paste).</summary>
    public bool HasOwnContext
    {
        get
        {
            EnsureCollected();
            return _hasOwnContext;
        }
    }

    /// <summary>CHALICE009 at <paramref name="location"/> when <paramref name="type"/> has no metadata, else null.</summary>
    public Diagnostic? Check(ITypeSymbol type, Location? location)
    {
        if (Covers(type))
            return null;
        type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var name = type.ToDisplayString();
        string fix;
        if (type.IsAnonymousType)
            fix = "an anonymous type cannot be declared in one: use a record, or a JsonObject";
        else if (HasOwnContext)
            fix = $"add [JsonSerializable(typeof({name}))] to one";
        else
            fix = "add one to the project (with using System.Text.Json.Serialization;): "
                  + $"[JsonSerializable(typeof({name}))] internal partial class AppJsonContext : JsonSerializerContext;";
        return Diagnostic.Create(DiagnosticDescriptors.TypeNotInJsonContext, location, name, fix);
    }

    public bool Covers(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            return Covers(nullable.TypeArguments[0]);
        return EnsureCollected().Contains(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
    }

    private HashSet<ITypeSymbol> EnsureCollected()
    {
        lock (_gate)
            return _covered ??= Collect();
    }

    private HashSet<ITypeSymbol> Collect()
    {
        var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (_types.ChaliceJsonContext is { } builtIn)
            WalkDeclaredTypes(builtIn, covered);
        foreach (var context in DeclaredTypes.Of(_compilation)
                     .Where(t => !t.IsAbstract && KnownTypes.DerivesFrom(t.BaseType, _types.JsonSerializerContext)))
        {
            _hasOwnContext = true;
            WalkDeclaredTypes(context, covered);
        }
        return covered;
    }

    private void WalkDeclaredTypes(INamedTypeSymbol context, HashSet<ITypeSymbol> covered)
    {
        foreach (var attribute in context.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, _types.JsonSerializableAttribute)))
        {
            if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol declared)
                Walk(declared, covered);
        }
    }

    private static void Walk(ITypeSymbol type, HashSet<ITypeSymbol> covered)
    {
        type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        if (!covered.Add(type))
            return;
        switch (type)
        {
            case IArrayTypeSymbol array:
                Walk(array.ElementType, covered);
                break;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                    Walk(argument, covered);
                if (named.SpecialType != SpecialType.None || named.ContainingNamespace?.ToDisplayString().StartsWith("System") == true)
                    break;
                foreach (var property in named.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public))
                    Walk(property.Type, covered);
                break;
        }
    }
}
