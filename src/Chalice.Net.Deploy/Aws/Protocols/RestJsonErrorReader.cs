using System.Net;
using System.Text.Json;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>
/// Reads rest-json errors. The code comes from the <c>x-amzn-ErrorType</c> header, else the body's <c>__type</c>,
/// else its <c>code</c>; AWS may decorate it as <c>aws.protocoltests#FooError:http://…</c>, so everything before a
/// <c>#</c> and after a <c>:</c> is dropped. The message is the body's <c>message</c>, <c>Message</c> or
/// <c>errorMessage</c>.
/// </summary>
internal static class RestJsonErrorReader
{
    public static AwsError Read(HttpStatusCode status, string? headerErrorType, string? headerRequestId, byte[] body)
    {
        string? typeField = null, codeField = null, message = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.String)
                            continue;
                        switch (property.Name)
                        {
                            case "__type": typeField = property.Value.GetString(); break;
                            case "code" or "Code": codeField = property.Value.GetString(); break;
                            case "message" or "Message" or "errorMessage": message ??= property.Value.GetString(); break;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: fall back to the status line below.
            }
        }
        var code = Sanitize(headerErrorType) ?? Sanitize(typeField) ?? Sanitize(codeField) ?? StatusDescriptions.CodeFor(status);
        return new AwsError(code, message is { Length: > 0 } ? message : StatusDescriptions.MessageFor(status), headerRequestId);
    }

    private static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
            code = code[(hash + 1)..];
        return code.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }
}
