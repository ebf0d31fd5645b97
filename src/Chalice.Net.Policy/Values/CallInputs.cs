using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Policy.Values;

/// <summary>
/// The named inputs of one SDK call, whichever way the code passes them: as a parameter of that name
/// (<c>GetObjectAsync(bucketName, key)</c>), or as a property of the request object argument, set in its object
/// initializer or assigned to the local that holds it (<c>request.Key = …</c>).
/// </summary>
internal sealed class CallInputs(ImmutableArray<IArgumentOperation> arguments, ValueEvaluator evaluator, WriteIndex writes)
{
    /// <summary>
    /// The value of the first of <paramref name="names"/> the call provides (names match parameters
    /// case-insensitively and request properties exactly), or null when it provides none of them (or its arguments are
    /// not known, for a method group).
    /// </summary>
    public StringValue? Get(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is { } value)
                return value;
        }
        return null;
    }

    private StringValue? Find(string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
                return evaluator.Evaluate(argument.Value);
        }
        foreach (var argument in arguments)
        {
            if (IsRequestObject(argument.Value.Type) && RequestProperty(Unwrap(argument.Value)!, name) is { } value)
                return value;
        }
        return null;
    }

    private StringValue? RequestProperty(IOperation request, string name)
    {
        switch (request)
        {
            case IObjectCreationOperation creation:
                return Union(InitializerValues(creation, name));
            case ILocalReferenceOperation { Local: var local }:
                var values = new List<IOperation?>();
                foreach (var assigned in writes.WritesTo(local))
                {
                    if (Unwrap(assigned) is IObjectCreationOperation creation)
                        values.AddRange(InitializerValues(creation, name));
                    else
                        return StringValue.Unknown; // the local also holds a request built elsewhere
                }
                values.AddRange(writes.WritesTo(local, name));
                return Union(values);
            default:
                return StringValue.Unknown; // a request built elsewhere (parameter, field, factory)
        }
    }

    private static IEnumerable<IOperation?> InitializerValues(IObjectCreationOperation creation, string name) =>
        creation.Initializer?.Initializers
            .OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IMemberReferenceOperation member && member.Member.Name == name)
            .Select(a => (IOperation?)a.Value)
        ?? [];

    private StringValue? Union(IEnumerable<IOperation?> values)
    {
        StringValue? result = null;
        foreach (var value in values)
        {
            var next = value is null ? StringValue.Unknown : evaluator.Evaluate(value);
            result = result is null ? next : result.Or(next);
        }
        return result;
    }

    private static bool IsRequestObject(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named &&
        named.Name.EndsWith("Request", StringComparison.Ordinal) &&
        named.ContainingNamespace.ToDisplayString().StartsWith("Amazon.", StringComparison.Ordinal);

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)operation).Operand;
        return operation;
    }
}
