using System.Linq;
using Chalice.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Generators.Analysis;

/// <summary>
/// Finds the values an app stores as a <c>Response</c> body (<c>new Response(body, ...)</c>, <c>Body = body</c>) whose
/// runtime type the compiler knows for certain, so that CHALICE009 can catch a body with no JSON metadata before the
/// response fails at run time. The runtime looks metadata up by the body's runtime type, so a value whose runtime
/// type may be a subclass is left alone: no false positives.
/// </summary>
internal static class ResponseBodies
{
    /// <summary>The body written by <paramref name="operation"/>, without its conversion to object; else null.</summary>
    public static IOperation? BodyOf(IOperation operation, KnownTypes types)
    {
        var value = operation switch
        {
            IObjectCreationOperation creation when KnownTypes.Is(creation.Type, types.Response) =>
                creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "body" && a.ArgumentKind == ArgumentKind.Explicit)?.Value,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Body" } property } assignment
                when KnownTypes.Is(property.Property.ContainingType, types.Response) => assignment.Value,
            _ => null,
        };
        while (value is IConversionOperation { IsImplicit: true } conversion)
            value = conversion.Operand;
        return value;
    }

    /// <summary>The type the body certainly has at run time, or null when a subclass could stand there.</summary>
    public static ITypeSymbol? ExactType(IOperation body) => body switch
    {
        IObjectCreationOperation or IAnonymousObjectCreationOperation or IArrayCreationOperation => body.Type,
        { Type: { IsValueType: true } or { IsSealed: true } or { IsAnonymousType: true } } => body.Type,
        _ => null,
    };
}
