using System.Text;
using System.Text.Json.Nodes;

namespace Chalice.Testing;

/// <summary>
/// What invoking a function returned, as Lambda's <c>Invoke</c> answers it (Chalice's <c>InvokeResponse</c>): the
/// result's JSON, or for a failed invocation Lambda's error document with <see cref="FunctionError"/> set.
/// </summary>
public sealed class InvokeResponse
{
    /// <summary>The value of Lambda's <c>X-Amz-Function-Error</c> header for an invocation that failed.</summary>
    public const string Unhandled = "Unhandled";

    private JsonNode? _json;
    private bool _jsonParsed;

    internal InvokeResponse(byte[] payload, Exception? exception)
    {
        Payload = payload;
        Exception = exception;
        FunctionError = exception is null ? null : Unhandled;
    }

    /// <summary>
    /// The payload: the function's result as JSON (<c>null</c> for a handler that returns nothing), or when it failed
    /// <c>{"errorMessage", "errorType", "stackTrace"}</c>.
    /// </summary>
    public byte[] Payload { get; }

    /// <summary>The payload as UTF-8 text.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload);

    /// <summary>The payload parsed as JSON (null for JSON <c>null</c>).</summary>
    public JsonNode? Json
    {
        get
        {
            if (!_jsonParsed)
            {
                _json = JsonNode.Parse(Payload);
                _jsonParsed = true;
            }
            return _json;
        }
    }

    /// <summary><see cref="Unhandled"/> when the invocation failed (the handler threw, or the event did not fit); else null.</summary>
    public string? FunctionError { get; }

    /// <summary>The exception that failed the invocation, with its stack trace; null when it succeeded.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => FunctionError is null ? PayloadText : $"{FunctionError}: {PayloadText}";
}
