using System;
using System.Collections.Generic;
using System.Linq;
using Chalice.Functions;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Parsing;

// [Authorizer] methods (Chalice's @app.authorizer) and the routes that name them.
internal sealed partial class AppParser
{
    /// <summary>The prefixes of a REST API's identity sources (API Gateway's <c>identitySource</c> of an authorizer).</summary>
    private static readonly string[] s_identitySourcePrefixes =
    {
        "method.request.header.", "method.request.querystring.", "stageVariables.", "context.",
    };

    // Every route's authorizer as written, checked once every method is read (an authorizer may come after its routes).
    private readonly List<(string Route, string Name, Location? Location)> _authorizerUses = new();

    /// <summary>Remembers that a route names an authorizer, for <see cref="CheckAuthorizerNames"/>.</summary>
    private void UseAuthorizer(string methods, string path, string name, AttributeData routeAttribute) =>
        _authorizerUses.Add(($"{methods} {path}", name, ArgumentLocation(routeAttribute, "Authorizer", -1)));

    /// <summary>
    /// Reports each route whose authorizer neither an <c>[Authorizer]</c> method of the app nor an authorizer attribute
    /// on the app class or a blueprint declares (CHALICE026).
    /// </summary>
    private void CheckAuthorizerNames(INamedTypeSymbol appClass, EquatableArray<ApiAuthorizerModel> apiAuthorizers)
    {
        if (_authorizerUses.Count == 0)
            return;
        // Declared names, whether or not the authorizer itself is valid: its own mistakes are reported on it.
        var declared = FunctionAuthorizerNames(appClass).Select(f => f.Name).Concat(_apiAuthorizerNames).Distinct().ToList();
        foreach (var (route, name, location) in _authorizerUses)
        {
            if (declared.Contains(name, StringComparer.Ordinal))
                continue;
            var hint = declared.Count == 0
                ? $"mark a method [Authorizer] and name it '{name}' (or give it Name = \"{name}\"), or declare it on the app class " +
                  "with [CognitoUserPoolAuthorizer], [IamAuthorizer], [CustomAuthorizer] or [JwtAuthorizer]"
                : $"the app's authorizers are {string.Join(", ", declared.Select(d => "'" + d + "'"))}";
            Report(DiagnosticDescriptors.UnknownAuthorizer, location, route, name, hint);
        }
    }

    /// <summary>The app's <c>[Authorizer]</c> methods by name (the attribute's <c>Name</c>, else the method's).</summary>
    private IEnumerable<(string Name, IMethodSymbol Method)> FunctionAuthorizerNames(INamedTypeSymbol appClass) =>
        appClass.GetMembers().OfType<IMethodSymbol>()
            .SelectMany(m => m.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, _types.AuthorizerAttribute)).Select(a => (Named(a, "Name") as string ?? m.Name, m)));

    /// <summary>The settings of an <c>[Authorizer]</c>, checked against API Gateway's rules.</summary>
    private EventSourceModel ParseAuthorizerSource(AttributeData attribute, out bool valid)
    {
        valid = true;
        var ttl = Named(attribute, "TtlSeconds") as int? ?? EventSourceDefaults.AuthorizerTtlSeconds;
        var header = Named(attribute, "Header") as string;
        var sources = NamedStrings(attribute, "IdentitySources");

        // authorizerResultTtlInSeconds: "The maximum value is 3600" (API Gateway's CreateAuthorizer, shared/fixtures/aws-models/apigateway).
        if (ttl < 0 || ttl > EventSourceDefaults.MaxAuthorizerTtlSeconds)
        {
            valid = Setting(ArgumentLocation(attribute, "TtlSeconds", -1),
                $"TtlSeconds {ttl} is outside API Gateway's range (0 to {EventSourceDefaults.MaxAuthorizerTtlSeconds} seconds; 0 turns the cache off)");
        }
        if (sources is null)
        {
            header ??= EventSourceDefaults.AuthorizerHeader;
            if (!HeaderName.IsToken(header))
                valid = Setting(ArgumentLocation(attribute, "Header", -1), $"Header '{header}' is not an HTTP header name");
            return new AuthorizerSourceModel(EventSourceDefaults.AuthorizerTokenType, new[] { "method.request.header." + header }.ToEquatableArray(), ttl);
        }

        if (header is not null)
        {
            valid = Setting(ArgumentLocation(attribute, "Header", -1),
                "[Authorizer] takes a Header (a TOKEN authorizer) or IdentitySources (a REQUEST authorizer), not both");
        }
        if (sources.Length == 0)
        {
            valid = Setting(ArgumentLocation(attribute, "IdentitySources", -1),
                "IdentitySources is empty; leave it out for a TOKEN authorizer of the Authorization header");
        }
        foreach (var source in sources.Where(s => !IsIdentitySource(s)))
        {
            valid = Setting(ArgumentLocation(attribute, "IdentitySources", -1),
                $"'{source}' is not an identity source API Gateway knows: write method.request.header.NAME, " +
                "method.request.querystring.NAME, stageVariables.NAME or context.NAME");
        }
        return new AuthorizerSourceModel(EventSourceDefaults.AuthorizerRequestType, sources.ToEquatableArray(), ttl);
    }

    private static bool IsIdentitySource(string source) =>
        s_identitySourcePrefixes.Any(prefix => source.StartsWith(prefix, StringComparison.Ordinal) && source.Length > prefix.Length
                                               && source.Substring(prefix.Length).All(c => c > ' ' && c < 127 && c != ','));

    /// <summary>
    /// An authorizer returns an <c>AuthResponse</c> (an IAM policy) or a <c>SimpleAuthResponse</c> (HTTP APIs' simple
    /// responses, <see cref="AnswersSimply"/>), directly or from a task.
    /// </summary>
    private ReturnModel? ParseAuthorizerReturn(IMethodSymbol method, FunctionRules rules, Location? location)
    {
        var (shape, inner) = method.ReturnsVoid ? (ReturnShape.Void, null) : ReturnShapeOf(method.ReturnType);
        var answers = KnownTypes.Is(inner, _types.AuthResponse) || KnownTypes.Is(inner, _types.SimpleAuthResponse);
        if (answers && !method.ReturnsByRef && !method.ReturnsByRefReadonly)
            return new ReturnModel(shape);
        Report(DiagnosticDescriptors.UnsupportedFunctionReturn, location, method.Name, method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(),
            rules.Handler, "API Gateway needs its answer; return an AuthResponse (or Task<AuthResponse>): the routes allowed, or AuthResponse.Unauthorized; " +
                           "behind an HTTP API, a SimpleAuthResponse");
        return null;
    }

    /// <summary>The authorizer answers with a <c>SimpleAuthResponse</c> (or a task of one).</summary>
    private bool AnswersSimply(IMethodSymbol method) =>
        !method.ReturnsVoid && KnownTypes.Is(ReturnShapeOf(method.ReturnType).Inner, _types.SimpleAuthResponse);
}
