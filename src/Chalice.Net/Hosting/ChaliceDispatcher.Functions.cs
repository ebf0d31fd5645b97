using System.Collections.Frozen;
using Chalice.Functions;
using Chalice.Lambda;

namespace Chalice.Hosting;

// The functions besides the API: "invoke function NAME with this payload JSON → result JSON", the one path every host
// takes (the Lambda runtime loop, the test client, chalice-net invoke, and the emulator's local event sources).
public sealed partial class ChaliceDispatcher
{
    /// <summary>The name of the function that serves the routes (Chalice's): the route table behind API Gateway.</summary>
    public const string ApiHandlerName = "api_handler";

    private FrozenDictionary<string, FunctionDefinition>? _functions;

    private FrozenDictionary<string, FunctionDefinition> Functions =>
        _functions ??= _app.Definition.Functions.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every function of the app by name, <see cref="ApiHandlerName"/> first.</summary>
    public IReadOnlyList<string> FunctionNames => [ApiHandlerName, .. _app.Definition.Functions.Select(f => f.Name)];

    /// <summary>
    /// Invokes the function named <paramref name="functionName"/> with a payload, as Lambda would: <see cref="ApiHandlerName"/>
    /// serves a proxy event (<see cref="DispatchAsync(ReadOnlyMemory{byte}, ILambdaContext?, CancellationToken)"/>), any
    /// other function gets its event read from the payload. Returns the result JSON; a handler's exception propagates,
    /// as the invocation's error.
    /// </summary>
    /// <exception cref="UnknownFunctionException">The app has no function of that name.</exception>
    /// <exception cref="InvalidEventException">The payload is not the event the function takes.</exception>
    /// <exception cref="InvalidProxyEventException">The payload for the API is not an API Gateway proxy event.</exception>
    public ValueTask<byte[]> InvokeAsync(
        string functionName, ReadOnlyMemory<byte> payload, ILambdaContext? lambdaContext = null, CancellationToken cancellationToken = default)
    {
        if (functionName == ApiHandlerName)
            return DispatchAsync(payload, lambdaContext, cancellationToken);
        return Functions.TryGetValue(functionName, out var function)
            ? InvokeAsync(function, payload, lambdaContext, cancellationToken)
            : throw new UnknownFunctionException(functionName, _app.Name, FunctionNames);
    }

    /// <summary>Invokes one of the app's functions with a payload; returns the result JSON.</summary>
    /// <exception cref="InvalidEventException">The payload is not the event the function takes.</exception>
    public async ValueTask<byte[]> InvokeAsync(
        FunctionDefinition function, ReadOnlyMemory<byte> payload, ILambdaContext? lambdaContext = null, CancellationToken cancellationToken = default)
    {
        var @event = FunctionEvents.Read(function, payload.Span, _app.JsonOptions);
        var services = _app.BeginInvocation();
        try
        {
            var context = new FunctionContext(
                function, @event, services, _app.JsonOptions, lambdaContext ?? LocalContext(function), cancellationToken);
            var result = await RunFunctionAsync(function, context).ConfigureAwait(false);
            return FunctionResults.Write(function, result, @event, _app.JsonOptions);
        }
        finally
        {
            await services.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The context of an invocation that no Lambda runtime describes (tests, the emulator): a fresh request id, and
    /// Chalice's default timeout of 60 seconds as the deadline.
    /// </summary>
    private LambdaContext LocalContext(FunctionDefinition function) =>
        new(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.AddSeconds(60)) { FunctionName = $"{_app.Name}-{function.Name}" };
}
