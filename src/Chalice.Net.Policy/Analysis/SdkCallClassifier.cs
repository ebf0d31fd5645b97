using Chalice.Policy.Actions;
using Chalice.Policy.Values;
using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Analysis;

/// <summary>
/// Decides what an invocation of an AWS SDK member needs. Service operations are recognised from the SDK's own
/// shape (a client member taking an <c>XxxRequest</c>, or an overload of one), their service from the client's
/// namespace (<see cref="AwsServiceCatalog"/>), so every AWSSDK package is covered; the SDK's higher-level helpers
/// come from <see cref="SdkHelperTable"/>. Calls into the SDK that cannot be tied to actions are reported.
/// </summary>
internal sealed class SdkCallClassifier(AwsServiceCatalog services)
{
    private const string ServiceInterface = "Amazon.Runtime.IAmazonService";
    private const string RequestBaseType = "Amazon.Runtime.AmazonWebServiceRequest";

    // Client members that make no request.
    private static readonly HashSet<string> s_localMembers = new(StringComparer.Ordinal)
    {
        "Dispose", "DetermineServiceOperationEndpoint",
    };

    /// <summary>The SDK call a call site makes, or null when it calls no AWS SDK member that makes requests.</summary>
    public SdkCall? Classify(IMethodSymbol target, Compilation compilation, CallInputs inputs)
    {
        var method = (target.ReducedFrom ?? target).OriginalDefinition;
        var type = method.ContainingType;
        if (type is null || !IsSdkAssembly(method.ContainingAssembly))
            return null;

        var member = $"{type.Name}.{method.Name}";
        var typeName = type.ToDisplayString();
        if (SdkHelperTable.TryGet(typeName, method.Name, out var helperActions))
            return new SdkCall(member, helperActions);
        if (IsRuntimeAssembly(method.ContainingAssembly))
            return null; // credentials, configuration, base types: no service operation

        if (IsServiceClient(type))
            return ClientCall(compilation, method, type, member, inputs);
        if (type.Name.EndsWith("PaginatorFactory", StringComparison.Ordinal) && RequestOperation(method) is { } paginated)
            return OperationCall(compilation, paginated.Request.ContainingNamespace.ContainingNamespace, type, member, paginated.Operation, inputs);
        if (MakesRequests(method, type))
            return new SdkCall(member, [],
                $"{member} calls AWS through an SDK helper the analyzer does not model; add the actions it needs to " +
                "the iam_policy_merge_file.");
        return null;
    }

    private SdkCall? ClientCall(Compilation compilation, IMethodSymbol method, INamedTypeSymbol type, string member,
        CallInputs inputs)
    {
        if (s_localMembers.Contains(method.Name))
            return null;
        var operation = RequestOperation(method)?.Operation ?? SiblingOperation(method, type);
        if (operation is null)
        {
            return new SdkCall(member, [],
                $"{member} is not a service operation the analyzer recognises; add the actions it needs to the " +
                "iam_policy_merge_file.");
        }
        return OperationCall(compilation, type.ContainingNamespace, type, member, operation, inputs);
    }

    private SdkCall OperationCall(Compilation compilation, INamespaceSymbol serviceNamespace, INamedTypeSymbol type,
        string member, string operation, CallInputs inputs)
    {
        var service = services.Find(compilation, type.ContainingAssembly, serviceNamespace);
        if (service is null)
        {
            return new SdkCall(member, [],
                $"{member} is called on {type.ToDisplayString()}, which does not identify an AWS service; call it on " +
                "the service's client interface (IAmazonS3, ...) or add the actions to the iam_policy_merge_file.");
        }
        if (ClientSideOperations.TryResolve(service.IamPrefix, operation, inputs, out var clientSide))
            return clientSide with { Member = member };

        var actions = SdkOperationNames.ToModelOperations(service.IamPrefix, operation)
            .SelectMany(model => IamActionTable.For(service.IamPrefix, model))
            .ToArray();
        return new SdkCall(member, S3ObjectVersions.Apply(actions, inputs));
    }

    /// <summary>The operation of a member taking a request object: <c>GetObjectRequest</c> → <c>GetObject</c>.</summary>
    private static (string Operation, INamedTypeSymbol Request)? RequestOperation(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol { IsAbstract: false } request &&
                request.Name.EndsWith("Request", StringComparison.Ordinal) &&
                request.Name.Length > "Request".Length &&
                DerivesFrom(request, RequestBaseType))
                return (request.Name[..^"Request".Length], request);
        }
        return null;
    }

    /// <summary>
    /// The operation of a convenience overload without a request object (<c>GetObjectAsync(bucket, key)</c>): the
    /// one of the overload that takes the request.
    /// </summary>
    private static string? SiblingOperation(IMethodSymbol method, INamedTypeSymbol type) =>
        new[] { type }.Concat(type.AllInterfaces)
            .SelectMany(t => t.GetMembers(method.Name).OfType<IMethodSymbol>())
            .Select(RequestOperation)
            .FirstOrDefault(found => found is not null)?.Operation;

    /// <summary>
    /// Whether a member of a non-client SDK type may call AWS: it takes a service client, its type is built around
    /// one (a constructor takes a client, like TransferUtility), or it is asynchronous (the SDK's I/O, like
    /// DynamoDBContext.SaveAsync). Request and response models and the SDK's internals make no calls.
    /// </summary>
    private static bool MakesRequests(IMethodSymbol method, INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace.ToDisplayString();
        if (ns.EndsWith(".Model", StringComparison.Ordinal) || ns.Contains(".Internal", StringComparison.Ordinal))
            return false;
        return method.Parameters.Any(p => IsServiceClient(p.Type)) ||
               (!method.IsStatic && type.InstanceConstructors.Any(c => c.Parameters.Any(p => IsServiceClient(p.Type)))) ||
               method.ReturnType.Name is "Task" or "ValueTask" or "IAsyncEnumerable";
    }

    private static bool IsServiceClient(ITypeSymbol type) =>
        type.ToDisplayString() == ServiceInterface || type.AllInterfaces.Any(i => i.ToDisplayString() == ServiceInterface);

    private static bool IsSdkAssembly(IAssemblySymbol? assembly) =>
        assembly?.Name.StartsWith("AWSSDK.", StringComparison.Ordinal) == true;

    /// <summary>AWSSDK.Core and the AWSSDK.Extensions packages: the SDK's runtime, not a service.</summary>
    private static bool IsRuntimeAssembly(IAssemblySymbol assembly) =>
        assembly.Name == "AWSSDK.Core" || assembly.Name.StartsWith("AWSSDK.Extensions.", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="type"/> has a base type named <paramref name="baseTypeName"/> (fully qualified).</summary>
    internal static bool DerivesFrom(INamedTypeSymbol type, string baseTypeName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == baseTypeName)
                return true;
        }
        return false;
    }
}
