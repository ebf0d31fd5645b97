using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Policy.Values;

/// <summary>
/// Proves what strings an expression can produce: constants, string interpolation and concatenation of provable
/// parts, fields and properties whose every write is provable, locals (every value assigned), parameterless
/// methods returning a provable expression, conditionals, <c>??</c> and environment variables
/// (<see cref="EnvironmentRule"/>). Anything else is <see cref="StringValue.Unknown"/>.
/// </summary>
internal sealed class ValueEvaluator(SemanticModels models, WriteIndex writes, EnvironmentRule environment)
{
    private const int MaxDepth = 24;

    private readonly HashSet<ISymbol> _inProgress = new(SymbolEqualityComparer.Default);
    private int _depth;

    public StringValue Evaluate(IOperation? operation)
    {
        if (operation is null || _depth >= MaxDepth)
            return StringValue.Unknown;
        _depth++;
        try
        {
            return EvaluateCore(operation);
        }
        finally
        {
            _depth--;
        }
    }

    private StringValue EvaluateCore(IOperation operation)
    {
        if (operation is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } enumMember)
            return StringValue.Exact(enumMember.Field.Name);
        if (operation.ConstantValue is { HasValue: true, Value: var constant })
            return constant is null ? StringValue.Null : StringValue.Exact(Convert.ToString(constant, CultureInfo.InvariantCulture)!);

        return operation switch
        {
            IConversionOperation conversion => Evaluate(conversion.Operand),
            IParenthesizedOperation parenthesized => Evaluate(parenthesized.Operand),
            IDefaultValueOperation => StringValue.Null,
            IInterpolatedStringOperation interpolated => Interpolation(interpolated),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } add =>
                Evaluate(add.LeftOperand).Concat(Evaluate(add.RightOperand)),
            ICoalesceOperation coalesce => Evaluate(coalesce.Value).Coalesce(Evaluate(coalesce.WhenNull)),
            IConditionalOperation { WhenFalse: not null } conditional =>
                Evaluate(conditional.WhenTrue).Or(Evaluate(conditional.WhenFalse)),
            ISwitchExpressionOperation switchExpression =>
                switchExpression.Arms.Select(arm => Evaluate(arm.Value)).Aggregate((a, b) => a.Or(b)),
            ILocalReferenceOperation local => Local(local.Local),
            IFieldReferenceOperation field => Member(field.Field),
            IPropertyReferenceOperation { Arguments.Length: 0 } property => Member(property.Property),
            IInvocationOperation invocation => Invocation(invocation),
            _ => StringValue.Unknown,
        };
    }

    private StringValue Interpolation(IInterpolatedStringOperation interpolated)
    {
        var value = StringValue.Exact("");
        foreach (var part in interpolated.Parts)
        {
            var next = part switch
            {
                IInterpolatedStringTextOperation text => Evaluate(text.Text),
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Evaluate(hole.Expression),
                _ => StringValue.Unknown,
            };
            value = value.Concat(next);
        }
        return value;
    }

    private StringValue Local(ILocalSymbol local) =>
        Guarded(local, () => Union(writes.WritesTo(local)));

    private StringValue Member(ISymbol member)
    {
        if (member.DeclaringSyntaxReferences.Length == 0)
            return IsStringEmpty(member) ? StringValue.Exact("") : StringValue.Unknown;
        return Guarded(member, () =>
        {
            var declared = member switch
            {
                IFieldSymbol => FieldInitializers(member),
                IPropertySymbol property => PropertyValues(property),
                _ => [null],
            };
            return Union(declared.Concat(writes.WritesTo(member)));
        });
    }

    private IEnumerable<IOperation?> FieldInitializers(ISymbol field) =>
        field.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<VariableDeclaratorSyntax>()
            .Where(declarator => declarator.Initializer is not null)
            .Select(declarator => models.OperationOf(declarator.Initializer!.Value));

    private IEnumerable<IOperation?> PropertyValues(IPropertySymbol property)
    {
        foreach (var syntax in property.DeclaringSyntaxReferences.Select(r => r.GetSyntax()))
        {
            if (syntax is not PropertyDeclarationSyntax declaration)
            {
                yield return null; // a positional record's property: the constructor argument is unknown
                continue;
            }
            if (declaration.Initializer is { } initializer)
                yield return models.OperationOf(initializer.Value);
            if (ReturnedExpression(declaration.ExpressionBody,
                    declaration.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)))
                is { } returned)
                yield return returned;
        }
    }

    /// <summary>The expression a getter or method returns, when it is a single expression; null for auto-properties.</summary>
    private IOperation? ReturnedExpression(ArrowExpressionClauseSyntax? arrow, AccessorDeclarationSyntax? getter)
    {
        var expression = arrow?.Expression ?? getter?.ExpressionBody?.Expression;
        if (expression is null && getter?.Body is { Statements: [ReturnStatementSyntax { Expression: { } returned }] })
            expression = returned;
        return expression is null ? null : models.OperationOf(expression);
    }

    private StringValue Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method is { Name: nameof(Environment.GetEnvironmentVariable), ContainingType: { } type } &&
            type.ToDisplayString() == "System.Environment" && invocation.Arguments.Length == 1)
        {
            var name = Evaluate(invocation.Arguments[0].Value);
            return name.IsUnknown || name.Patterns.Any(p => p.IsPrefix)
                ? StringValue.Unknown
                : name.Patterns.Select(p => environment.Read(p.Text)).DefaultIfEmpty(StringValue.Null).Aggregate((a, b) => a.Or(b));
        }
        if (method.Parameters.Length == 0 && !method.IsVirtual && !method.IsAbstract &&
            method.DeclaringSyntaxReferences is [var reference] && reference.GetSyntax() is MethodDeclarationSyntax declaration)
        {
            var returned = declaration.ExpressionBody is { } arrow
                ? models.OperationOf(arrow.Expression)
                : declaration.Body is { Statements: [ReturnStatementSyntax { Expression: { } expression }] }
                    ? models.OperationOf(expression)
                    : null;
            return returned is null ? StringValue.Unknown : Guarded(method, () => Evaluate(returned));
        }
        return StringValue.Unknown;
    }

    private StringValue Union(IEnumerable<IOperation?> values)
    {
        StringValue? result = null;
        foreach (var value in values)
        {
            var next = value is null ? StringValue.Unknown : Evaluate(value);
            result = result is null ? next : result.Or(next);
            if (result.IsUnknown)
                return StringValue.Unknown;
        }
        return result ?? StringValue.Unknown;
    }

    private StringValue Guarded(ISymbol symbol, Func<StringValue> evaluate)
    {
        if (!_inProgress.Add(symbol))
            return StringValue.Unknown; // a value defined in terms of itself
        try
        {
            return evaluate();
        }
        finally
        {
            _inProgress.Remove(symbol);
        }
    }

    private static bool IsStringEmpty(ISymbol member) =>
        member is IFieldSymbol { Name: nameof(string.Empty), ContainingType.SpecialType: SpecialType.System_String };
}
