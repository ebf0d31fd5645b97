using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Chalice.Generators.Analysis;

/// <summary>
/// CHALICE015: a service the app's constructor or a required <c>[FromServices]</c> parameter takes, which the app's
/// <c>ConfigureServices</c> never registers. Deliberately conservative: only types declared in the app's own project
/// are judged (the framework registers none of those), and only when every statement of <c>ConfigureServices</c> is
/// a plain <c>AddSingleton/AddScoped/AddTransient</c> (or <c>TryAdd…</c>) call on its parameter, or when there is no
/// <c>ConfigureServices</c> at all. Anything else (a helper, a loop, <c>services.Add(descriptor)</c>) could register
/// anything, so it is not judged.
/// </summary>
internal static class ServiceRegistrations
{
    private static readonly ImmutableHashSet<string> s_registrationMethods = ImmutableHashSet.Create(
        "AddSingleton", "AddScoped", "AddTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient");

    /// <summary>The service types a <c>ConfigureServices</c> body registers, or null when it cannot be known.</summary>
    public static ImmutableHashSet<ITypeSymbol>? Read(ImmutableArray<IOperation> blocks, IParameterSymbol services, KnownTypes types)
    {
        var registered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var block in blocks)
        {
            var body = block is IMethodBodyOperation method ? method.BlockBody ?? method.ExpressionBody : block as IBlockOperation;
            if (body is null)
                return null;
            foreach (var statement in body.Operations)
            {
                switch (statement)
                {
                    case IReturnOperation { ReturnedValue: null }:
                        continue;
                    case IExpressionStatementOperation { Operation: IInvocationOperation invocation } when ReadChain(invocation, services, types, registered):
                        continue;
                    default:
                        return null;
                }
            }
        }
        return registered.ToImmutableHashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
    }

    /// <summary>Reports each service the app needs and <paramref name="registered"/> lacks.</summary>
    public static void Check(
        INamedTypeSymbol app, ImmutableHashSet<ITypeSymbol> registered, bool hasConfigureServices, KnownTypes types,
        Compilation compilation, System.Action<Diagnostic> report)
    {
        if (app.InstanceConstructors.Length == 1)
        {
            foreach (var parameter in app.InstanceConstructors[0].Parameters)
                CheckNeed(parameter, $"The constructor of '{app.Name}'", "the app cannot start");
        }
        foreach (var method in app.GetMembers().OfType<IMethodSymbol>())
        {
            var attributes = method.GetAttributes();
            var isRoute = attributes.Any(a => KnownTypes.Is(a.AttributeClass, types.RouteAttribute));
            if (!isRoute && !attributes.Any(types.IsFunctionAttribute))
                continue;
            foreach (var parameter in method.Parameters.Where(p => !p.HasExplicitDefaultValue && p.NullableAnnotation != NullableAnnotation.Annotated
                         && p.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.FromServicesAttribute))))
                CheckNeed(parameter, $"Handler '{method.Name}'", isRoute ? "every request to it fails" : "every invocation of it fails");
        }

        void CheckNeed(IParameterSymbol parameter, string who, string consequence)
        {
            var type = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (!SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, compilation.Assembly)
                || registered.Any(r => Satisfies(r, type)))
                return;
            var registration = SuggestedRegistration(type, compilation);
            var fix = hasConfigureServices
                ? $"add '{registration};' to ConfigureServices"
                : $"add 'public static void ConfigureServices(IServiceCollection services) => {registration};' to '{app.Name}'";
            var location = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ParameterSyntax)?.Type?.GetLocation()
                           ?? parameter.Locations.FirstOrDefault();
            report(Diagnostic.Create(DiagnosticDescriptors.ServiceNeverRegistered, location, who, Display(type), consequence, fix));
        }
    }

    private static bool ReadChain(IInvocationOperation invocation, IParameterSymbol services, KnownTypes types, HashSet<ITypeSymbol> registered)
    {
        var method = invocation.TargetMethod;
        if (!(KnownTypes.Is(method.ContainingType, types.ServiceRegistrations) || KnownTypes.Is(method.ContainingType, types.ServiceTryRegistrations))
            || !s_registrationMethods.Contains(method.Name) || invocation.Arguments.Length == 0)
            return false;

        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToArray();
        ITypeSymbol? service = method.IsGenericMethod
            ? method.TypeArguments[0]
            : arguments.Length > 1 && Unwrap(arguments[1].Value) is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
        if (service is null)
            return false;
        registered.Add(service);

        return Unwrap(arguments[0].Value) switch
        {
            IParameterReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, services),
            IInvocationOperation inner => ReadChain(inner, services, types, registered),
            _ => false,
        };
    }

    private static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;

    /// <summary>A registration of <paramref name="registered"/> resolves <paramref name="needed"/> (open generics too).</summary>
    private static bool Satisfies(ITypeSymbol registered, ITypeSymbol needed) =>
        SymbolEqualityComparer.Default.Equals(registered, needed)
        || registered is INamedTypeSymbol { IsUnboundGenericType: true } open
           && SymbolEqualityComparer.Default.Equals(open.OriginalDefinition, needed.OriginalDefinition);

    private static string SuggestedRegistration(ITypeSymbol service, Compilation compilation)
    {
        if (service is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false })
            return $"services.AddSingleton<{Display(service)}>()";
        var implementations = DeclaredTypes.Of(compilation)
            .Where(t => t is { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false }
                        && (t.AllInterfaces.Contains(service, SymbolEqualityComparer.Default) || KnownTypes.DerivesFrom(t.BaseType, service as INamedTypeSymbol)))
            .Take(2)
            .ToArray();
        return implementations.Length == 1
            ? $"services.AddSingleton<{Display(service)}, {Display(implementations[0])}>()"
            : $"services.AddSingleton<{Display(service)}>(...)";
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
