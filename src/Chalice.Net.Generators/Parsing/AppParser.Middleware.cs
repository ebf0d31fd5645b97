using System.Collections.Generic;
using System.Linq;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Chalice.Generators.Parsing;

// Middleware: [Middleware(kind)] methods (and static ConvertToMiddleware fields) of the app class or a blueprint.
internal sealed partial class AppParser
{
    /// <summary>Chalice's middleware kinds (chalice/app.py, <c>_MIDDLEWARE_MAPPING</c> plus 'all' and 'http'), as <c>MiddlewareKinds</c> lists them.</summary>
    private static readonly string[] s_middlewareKinds =
        { "all", "http", "pure_lambda", "s3", "sqs", "sns", "scheduled", "cloudwatch", "kinesis", "dynamodb" };

    /// <summary>Parses one middleware; null when no code can be generated for it (its mistakes are reported).</summary>
    private MiddlewareModel? ParseMiddleware(ISymbol member, AttributeData attribute)
    {
        var kind = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : "all";
        if (kind is null || !s_middlewareKinds.Contains(kind))
        {
            var hint = kind == "websocket" ? " (Chalice.Net has no WebSocket APIs)" : "";
            Report(DiagnosticDescriptors.UnknownMiddlewareKind, ArgumentLocation(attribute, null, 0), (kind ?? "null") + hint,
                string.Join(", ", s_middlewareKinds.Select(k => "\"" + k + "\"")));
            return null;
        }
        return member switch
        {
            IFieldSymbol field => ParseConvertedMiddleware(field, kind),
            IMethodSymbol method => ParseMiddlewareMethod(method, kind, attribute),
            _ => Invalid(member, "is neither a method nor a static ConvertToMiddleware field"),
        };
    }

    private MiddlewareModel? ParseConvertedMiddleware(IFieldSymbol field, string kind)
    {
        if (!KnownTypes.Is(field.Type, _types.ConvertToMiddleware))
            return Invalid(field, $"is a field of type '{field.Type.ToDisplayString()}'; a middleware field holds a ConvertToMiddleware");
        if (!field.IsStatic)
            return Invalid(field, "is an instance field; make it static readonly (the app builds its middleware once)");
        return new MiddlewareModel(kind, new HandlerModel(field.Name, true, EquatableArray<ParameterModel>.Empty, new ReturnModel(ReturnShape.ValueTaskOfValue)), IsConverted: true);
    }

    private MiddlewareModel? ParseMiddlewareMethod(IMethodSymbol method, string kind, AttributeData attribute)
    {
        if (method.IsGenericMethod)
            return Invalid(method, "must not be generic");
        if (method.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, _types.RouteAttribute) || _types.IsFunctionAttribute(a)))
            return Invalid(method, "is also a handler; give the middleware a method of its own");

        var http = kind == "http";
        var valid = true;
        var parameters = new List<ParameterModel>();
        bool hasEvent = false, hasNext = false;
        foreach (var parameter in method.Parameters)
        {
            var model = ParseMiddlewareParameter(method, parameter, kind, ref hasEvent, ref hasNext);
            if (model is null)
                valid = false;
            else
                parameters.Add(model);
        }
        var nextType = http ? "HttpMiddlewareNext" : "EventMiddlewareNext";
        if (valid && !hasNext)
        {
            Report(DiagnosticDescriptors.InvalidMiddleware, method.Locations.FirstOrDefault(), method.Name,
                $"takes no {nextType}; take one and call it to run the rest of the pipeline (or return without calling it to answer early)");
            valid = false;
        }

        var returnLocation = (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as MethodDeclarationSyntax)?.ReturnType.GetLocation()
                             ?? method.Locations.FirstOrDefault();
        var (shape, inner) = method.ReturnsVoid ? (ReturnShape.Void, null) : ReturnShapeOf(method.ReturnType);
        var returnsResult = inner is not null && (http ? KnownTypes.Is(inner, _types.Response) : inner.SpecialType == SpecialType.System_Object);
        if (!returnsResult)
        {
            var wanted = http ? "Response" : "object?";
            Report(DiagnosticDescriptors.InvalidMiddleware, returnLocation, method.Name,
                $"returns '{method.ReturnType.ToDisplayString()}'; {kind} middleware returns what next returned, or its own: ValueTask<{wanted}>, Task<{wanted}> or {wanted}");
            valid = false;
        }
        return valid ? new MiddlewareModel(kind, new HandlerModel(method.Name, method.IsStatic, parameters.ToEquatableArray(), new ReturnModel(shape)), IsConverted: false) : null;
    }

    private ParameterModel? ParseMiddlewareParameter(IMethodSymbol method, IParameterSymbol parameter, string kind, ref bool hasEvent, ref bool hasNext)
    {
        var type = parameter.Type;
        var typeName = type.ToDisplayString(s_typeFormat);
        var location = parameter.Locations.FirstOrDefault();
        var isOptional = parameter.NullableAnnotation == NullableAnnotation.Annotated;
        ParameterModel Simple(ParameterSource source) =>
            new(parameter.Name, typeName, source, parameter.Name, ValueConversion.None, BodyKind.None, NonNullableName(type), false, isOptional, null);
        ParameterModel? Refuse(string reason)
        {
            Report(DiagnosticDescriptors.InvalidMiddleware, location, method.Name, $"cannot bind its parameter '{parameter.Name}': {reason}");
            return null;
        }

        if (parameter.RefKind != RefKind.None)
            return Refuse("it must not be ref, out or in");
        if (KnownTypes.Is(type, _types.HttpMiddlewareNext) || KnownTypes.Is(type, _types.EventMiddlewareNext))
        {
            var http = kind == "http";
            if (KnownTypes.Is(type, _types.HttpMiddlewareNext) != http)
                return Refuse(http ? "http middleware's next is an HttpMiddlewareNext" : $"{kind} middleware's next is an EventMiddlewareNext (HttpMiddlewareNext is http's)");
            if (hasNext)
                return Refuse("the middleware already takes its next");
            hasNext = true;
            return Simple(ParameterSource.Next);
        }
        if (KnownTypes.Is(type, _types.CancellationToken))
            return Simple(ParameterSource.CancellationToken);
        if (KnownTypes.Is(type, _types.LambdaContext))
            return Simple(ParameterSource.LambdaContext);
        if (IsLogger(type) && parameter.GetAttributes().IsEmpty)
            return Simple(ParameterSource.Services);
        if (parameter.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, _types.FromServicesAttribute)))
            return Simple(ParameterSource.Services);
        if (ServiceKey(parameter) is { } key)
            return Simple(ParameterSource.KeyedServices) with { BindingName = key };

        var invocation = MiddlewareInvocationType(kind);
        var isObject = type.SpecialType == SpecialType.System_Object;
        if (KnownTypes.Is(type, invocation) || isObject && kind != "http")
        {
            if (hasEvent)
                return Refuse("the middleware already takes its invocation");
            hasEvent = true;
            return Simple(ParameterSource.Event) with { Type = isObject ? "object?" : typeName, IsOptional = isObject || isOptional };
        }
        var takes = kind switch
        {
            "http" => "the Request",
            "all" or "pure_lambda" or "scheduled" or "cloudwatch" => "its event as object?",
            _ => $"its event ({invocation?.Name} or object?)",
        };
        return Refuse($"{kind} middleware takes {takes}, its next, and services, ILogger<T>, ILambdaContext or a CancellationToken");
    }

    /// <summary>The invocation's type for middleware of a kind; null where only <c>object?</c> fits every handler of the kind.</summary>
    private INamedTypeSymbol? MiddlewareInvocationType(string kind) => kind switch
    {
        "http" => _types.Request,
        "s3" => _types.S3Event,
        "sqs" => _types.SqsEvent,
        "sns" => _types.SnsEvent,
        "kinesis" => _types.KinesisEvent,
        "dynamodb" => _types.DynamoDBEvent,
        // A schedule or EventBridge handler may read its detail as a type of its own (EventBridgeEvent<T>), and a pure
        // function any input, so their middleware sees the event as object?.
        _ => null,
    };

    private MiddlewareModel? Invalid(ISymbol member, string problem)
    {
        Report(DiagnosticDescriptors.InvalidMiddleware, member.Locations.FirstOrDefault(), member.Name, problem);
        return null;
    }
}
