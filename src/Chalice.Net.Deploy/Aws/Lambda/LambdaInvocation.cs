using System.Text;
using System.Text.Json;

namespace Chalice.Deploy.Aws.Lambda;

/// <summary>The input of <c>Invoke</c>.</summary>
internal sealed record InvokeRequest
{
    /// <summary>The function (name or ARN).</summary>
    public required string FunctionName { get; init; }

    /// <summary>The event, as JSON bytes.</summary>
    public byte[] Payload { get; init; } = "{}"u8.ToArray();

    /// <summary>
    /// Whether to return the end of the invocation's log (<c>X-Amz-Log-Type: Tail</c>): Lambda sends its last 4 KB in
    /// <c>X-Amz-Log-Result</c> (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
    /// </summary>
    public bool LogTail { get; init; }

    /// <summary>A version or alias, if not <c>$LATEST</c>.</summary>
    public string? Qualifier { get; init; }
}

/// <summary>What a synchronous (<c>RequestResponse</c>) invocation answered.</summary>
/// <param name="StatusCode">The HTTP status (200 for a synchronous invocation, also when the function failed).</param>
/// <param name="Payload">The function's response, or its error document when <paramref name="FunctionError"/> is set.</param>
/// <param name="FunctionError">
/// <c>X-Amz-Function-Error</c>: set (<c>Unhandled</c>) when the function failed; the payload then describes the error.
/// </param>
/// <param name="LogTail">The last 4 KB of the invocation's log, decoded, when asked for.</param>
/// <param name="ExecutedVersion">The version that ran (<c>X-Amz-Executed-Version</c>).</param>
internal sealed record LambdaInvocation(int StatusCode, byte[] Payload, string? FunctionError, string? LogTail, string? ExecutedVersion)
{
    /// <summary>The payload as text (UTF-8).</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload);

    /// <summary>
    /// The function's error, read from the payload (<c>{"errorType": …, "errorMessage": …, "stackTrace": […]}</c>, what
    /// runtimes report through the Runtime API), or null when the function succeeded.
    /// </summary>
    public LambdaFunctionError? Error => FunctionError is null ? null : LambdaFunctionError.Read(FunctionError, Payload);
}

/// <summary>A function's error.</summary>
/// <param name="ErrorType">The error type, e.g. <c>System.InvalidOperationException</c> or <c>Runtime.ExitError</c>.</param>
/// <param name="ErrorMessage">The message.</param>
/// <param name="StackTrace">The stack trace lines the runtime reported, if any.</param>
internal sealed record LambdaFunctionError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>Reads the error document; a payload that is not one becomes the message, under the header's error kind.</summary>
    public static LambdaFunctionError Read(string functionError, byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                return new LambdaFunctionError(
                    String(root, "errorType") ?? functionError,
                    String(root, "errorMessage") ?? "",
                    root.TryGetProperty("stackTrace", out var trace) && trace.ValueKind == JsonValueKind.Array
                        ? [.. trace.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!)]
                        : []);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the best description there is.
        }
        return new LambdaFunctionError(functionError, Encoding.UTF8.GetString(payload), []);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
