using System.Text.Json;
using Chalice.Events;

namespace Chalice.Functions;

/// <summary>
/// Writes what a function's handler returned as the invocation's result JSON: nothing (a <c>void</c> or <c>Task</c>
/// handler) as <c>null</c>, as Lambda's Python runtime returns Chalice's <c>None</c>; a <see cref="BatchResponse"/> in
/// AWS's <c>batchItemFailures</c> form; an authorizer's answer as API Gateway reads it; anything else (a pure
/// function's output) through the app's JSON metadata, looked up by its runtime type as route bodies are.
/// </summary>
internal static class FunctionResults
{
    /// <param name="function">The function invoked.</param>
    /// <param name="result">What its handler returned.</param>
    /// <param name="event">The event it was invoked with (an authorizer's answer is built from its request).</param>
    /// <param name="options">The app's JSON options.</param>
    /// <exception cref="AuthorizerUnauthorizedException">An authorizer answered <see cref="AuthResponse.Unauthorized"/>.</exception>
    public static byte[] Write(FunctionDefinition function, object? result, object? @event, JsonSerializerOptions options)
    {
        switch (result)
        {
            case null:
                return "null"u8.ToArray();
            case BatchResponse batch:
                return LambdaEventJson.Serialize(batch);
            case AuthResponse auth when @event is AuthRequest request:
                // API Gateway turns only a failed invocation whose error message is exactly "Unauthorized" into a 401.
                if (ReferenceEquals(auth, AuthResponse.Unauthorized))
                    throw new AuthorizerUnauthorizedException();
                return LambdaEventJson.Serialize(auth.ToPolicyResponse(request));
            case SimpleAuthResponse simple:
                return LambdaEventJson.Serialize(simple.ToWire());
            default:
                var type = result.GetType();
                if (!options.TryGetTypeInfo(type, out var typeInfo))
                {
                    throw new InvalidOperationException(
                        $"The result of the function '{function.Name}', a {type.FullName}, has no JSON metadata. Add " +
                        $"[JsonSerializable(typeof({type.Name}))] to a JsonSerializerContext in the app.");
                }
                return JsonSerializer.SerializeToUtf8Bytes(result, typeInfo);
        }
    }
}
