using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>
/// Reads query-protocol errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>
/// (IAM, STS) and the EC2-style <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;…</c> some stand-ins produce.
/// </summary>
internal static class QueryErrorReader
{
    public static AwsError Read(HttpStatusCode status, string? headerRequestId, byte[] body)
    {
        XElement? root = null;
        try
        {
            if (body.Length > 0)
                root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root;
        }
        catch (XmlException)
        {
            // Not XML (a proxy's HTML page, a truncated body): fall back to the status line below.
        }
        var error = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = Child(error, "Code");
        var message = Child(error, "Message");
        var requestId = headerRequestId
            ?? root?.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
        return new AwsError(
            code ?? StatusDescriptions.CodeFor(status),
            message ?? StatusDescriptions.MessageFor(status),
            requestId);
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
