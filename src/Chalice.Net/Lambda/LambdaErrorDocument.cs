using System.Text.Json;

namespace Chalice.Lambda;

/// <summary>
/// The error document Lambda records for a failed invocation or start-up, and returns to an invoker with
/// <c>X-Amz-Function-Error: Unhandled</c>: <c>{"errorMessage", "errorType", "stackTrace"}</c>, the stack trace one
/// entry per frame (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-invokeerror).
/// </summary>
public static class LambdaErrorDocument
{
    /// <summary>The <c>errorType</c> of an exception: its type's name.</summary>
    public static string ErrorType(Exception exception) => exception.GetType().Name;

    /// <summary>The document's UTF-8 JSON.</summary>
    public static byte[] Write(Exception exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", exception.Message);
            json.WriteString("errorType", ErrorType(exception));
            json.WriteStartArray("stackTrace");
            foreach (var line in (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
