using System.Text.Json;
using Chalice.Functions;

namespace Chalice.Testing;

/// <summary>What Lambda's <c>Invoke</c> checks of a payload before any function sees it.</summary>
public static class LambdaPayload
{
    /// <summary>
    /// Fails as Lambda's <c>Invoke</c> does for a payload that is not JSON (<c>InvalidRequestContentException</c>: "Could
    /// not parse request body into json"), so that no local path hands a function what AWS never would.
    /// </summary>
    /// <exception cref="InvalidEventException">The payload is not one JSON value.</exception>
    public static void EnsureJson(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || !reader.TrySkip() || reader.Read())
                throw new JsonException("the payload is not exactly one JSON value");
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The payload is not JSON, which Lambda refuses (could not parse request body into json): {e.Message}", e);
        }
    }
}
