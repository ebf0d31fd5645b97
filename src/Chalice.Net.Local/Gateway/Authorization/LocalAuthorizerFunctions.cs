using Chalice.Functions;
using Chalice.Hosting;
using Chalice.Project.LocalTokens;

namespace Chalice.Gateway.Authorization;

/// <summary>Invokes one of the app's authorizer functions with its event's JSON; returns the result JSON.</summary>
internal delegate ValueTask<byte[]> AuthorizerInvoker(FunctionDefinition authorizer, ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken);

/// <summary>
/// The authorizers an app declares (its <c>[Authorizer]</c> functions, and the Cognito, IAM, custom and JWT ones declared
/// on the app class), how the gateway invokes the functions (through the same dispatcher and JSON as deployed code),
/// the key that stands in for the token issuers, and where the gateway's warnings go.
/// </summary>
internal sealed record LocalAuthorizerFunctions(IReadOnlyList<FunctionDefinition> Functions, AuthorizerInvoker Invoke, Action<string> Warn)
{
    /// <summary>The authorizers declared on the app class and its blueprints.</summary>
    public IReadOnlyList<ApiAuthorizerDefinition> Declared { get; init; } = [];

    /// <summary>The key Cognito and JWT tokens are verified with; without one, such authorizers cannot run.</summary>
    public LocalSigningKey? SigningKey { get; init; }

    /// <summary>The authorizers of <paramref name="application"/>, invoked through its dispatcher.</summary>
    public static LocalAuthorizerFunctions Of(ChaliceApplication application, Action<string> warn, LocalSigningKey? signingKey = null) => new(
        application.Definition.Functions.Where(f => f.Kind == FunctionKind.Authorizer).ToArray(),
        (function, eventJson, cancellationToken) => application.Dispatcher.InvokeAsync(function, eventJson, lambdaContext: null, cancellationToken),
        warn)
    {
        Declared = application.Definition.Authorizers,
        SigningKey = signingKey,
    };
}
