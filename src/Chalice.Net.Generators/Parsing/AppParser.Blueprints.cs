using System.Collections.Generic;
using System.Linq;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Parsing;

// Blueprints: [Blueprint] classes registered into the app with [RegisterBlueprint(typeof(X), UrlPrefix = ..., NamePrefix = ...)].
// Their members go through ParseMembers as the app's do, with the prefixes applied, so that every rule (duplicate routes
// and names, paths, bindings) judges the app as deployed.
internal sealed partial class AppParser
{
    /// <summary>The blueprint whose members are being parsed; null while parsing the app class.</summary>
    private BlueprintScope? _blueprint;

    private EquatableArray<BlueprintModel> ParseBlueprints(INamedTypeSymbol appClass, CorsModel? appCors, string appName, AppMembers members)
    {
        var blueprints = new List<BlueprintModel>();
        var registered = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var registration in appClass.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, _types.RegisterBlueprintAttribute)))
        {
            if (registration.ConstructorArguments.Length == 0 || registration.ConstructorArguments[0].Value is not INamedTypeSymbol blueprint)
                continue;
            var typeLocation = ArgumentLocation(registration, null, 0);
            if (!registered.Add(blueprint))
            {
                Report(DiagnosticDescriptors.BlueprintRegisteredTwice, typeLocation, blueprint.Name, appClass.Name);
                continue;
            }
            if (!CheckBlueprintShape(blueprint, typeLocation))
                continue;

            var model = new BlueprintModel(
                blueprint.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), "__chaliceBlueprint" + blueprints.Count, ConstructorParameters(blueprint));
            blueprints.Add(model);
            var blueprintCors = ReadCors(blueprint.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.CorsAttribute)));
            _blueprint = new BlueprintScope(
                model, Named(registration, "UrlPrefix") as string, ArgumentLocation(registration, "UrlPrefix", -1), Named(registration, "NamePrefix") as string);
            try
            {
                ParseMembers(blueprint, blueprintCors ?? appCors, appName, members);
            }
            finally
            {
                _blueprint = null;
            }
        }
        return blueprints.ToEquatableArray();
    }

    /// <summary>A registered class must be a [Blueprint] the app can construct: not static, abstract, generic or an app.</summary>
    private bool CheckBlueprintShape(INamedTypeSymbol blueprint, Location? location)
    {
        string? problem = blueprint switch
        {
            _ when blueprint.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, _types.ChaliceAppAttribute)) =>
                $"'{blueprint.Name}' is a [ChaliceApp] class; only [Blueprint] classes are registered into an app",
            _ when !blueprint.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, _types.BlueprintAttribute)) =>
                $"'{blueprint.Name}' is not a blueprint; mark it [Blueprint]",
            { IsStatic: true } => $"The blueprint '{blueprint.Name}' must not be static",
            { IsAbstract: true } => $"The blueprint '{blueprint.Name}' must not be abstract",
            { IsGenericType: true } => $"The blueprint '{blueprint.Name}' must not be generic",
            { TypeKind: not TypeKind.Class } => $"The blueprint '{blueprint.Name}' must be a class",
            _ => null,
        };
        if (problem is null)
            return true;
        Report(DiagnosticDescriptors.NotABlueprint, location, problem);
        return false;
    }

    /// <summary>
    /// The app's generated code calls a blueprint's handlers and middleware, so they must be visible to it: a private or
    /// protected one is reported rather than left for the compiler to refuse inside generated code.
    /// </summary>
    private bool IsReachableFromTheApp(ISymbol member)
    {
        if (_blueprint is null || member.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal))
            return true;
        var attribute = member.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.RouteAttribute)
            || KnownTypes.Is(a.AttributeClass, _types.MiddlewareAttribute) || _types.IsFunctionAttribute(a));
        if (attribute is null)
            return true;
        Report(DiagnosticDescriptors.UnsupportedAppShape, member.Locations.FirstOrDefault(),
            $"'{member.ContainingType.Name}.{member.Name}' has [{AttributeName(attribute)}] but is {member.DeclaredAccessibility.ToString().ToLowerInvariant()}; " +
            "make it public or internal, as the app calls it");
        return false;
    }

    /// <summary>How a member is named in messages: its method's name, with its blueprint's in front when in one.</summary>
    private string MemberName(IMethodSymbol method) => _blueprint is null ? method.Name : $"{method.ContainingType.Name}.{method.Name}";

    /// <summary>A registered blueprint, while its members are parsed.</summary>
    private sealed class BlueprintScope(BlueprintModel model, string? urlPrefix, Location? urlPrefixLocation, string? namePrefix)
    {
        public BlueprintModel Model { get; } = model;

        public string? UrlPrefix { get; } = urlPrefix;

        public Location? UrlPrefixLocation { get; } = urlPrefixLocation;

        public string? NamePrefix { get; } = namePrefix;

        /// <summary>
        /// A route's path under a URL prefix, joined as Chalice's <c>_register_route</c> does: the prefix without its
        /// trailing '/', '/', the path without its outer '/'s, then no trailing '/' (so "/users" and "/" make "/users").
        /// </summary>
        public static string Join(string prefix, string path) => (prefix.TrimEnd('/') + "/" + path.Trim('/')).TrimEnd('/');
    }
}
