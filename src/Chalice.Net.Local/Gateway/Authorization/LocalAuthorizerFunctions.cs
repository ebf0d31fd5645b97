using Chalice.Functions;
using Chalice.Hosting;

namespace Chalice.Gateway.Authorization;

/// <summary>Invokes one of the app's authorizer functions with its event's JSON; returns the result JSON.</summary>
internal delegate ValueTask<byte[]> AuthorizerInvoker(FunctionDefinition authorizer, ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken);

/// <summary>
/// The authorizers an app declares (its <c>[Authorizer]</c> functions), how the gateway invokes them (through the same
/// dispatcher and JSON as deployed code), and where the gateway's warnings go.
/// </summary>
internal sealed record LocalAuthorizerFunctions(IReadOnlyList<FunctionDefinition> Functions, AuthorizerInvoker Invoke, Action<string> Warn)
{
    /// <summary>The authorizers of <paramref name="application"/>, invoked through its dispatcher.</summary>
    public static LocalAuthorizerFunctions Of(ChaliceApplication application, Action<string> warn) => new(
        application.Definition.Functions.Where(f => f.Kind == FunctionKind.Authorizer).ToArray(),
        (function, eventJson, cancellationToken) => application.Dispatcher.InvokeAsync(function, eventJson, lambdaContext: null, cancellationToken),
        warn);
}
