using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.Sns.Protocol;

/// <summary>
/// SNS's query-protocol responses: <c>&lt;{Action}Response&gt;</c> holding <c>&lt;{Action}Result&gt;</c> (when the
/// action has output) and <c>&lt;ResponseMetadata&gt;&lt;RequestId&gt;</c>, in SNS's namespace.
/// </summary>
internal static class SnsXml
{
    public static readonly XNamespace Namespace = "http://sns.amazonaws.com/doc/2010-03-31/";

    public static XElement Element(string name, params object?[] content) => new(Namespace + name, content);

    /// <summary>A list of members: <c>&lt;{name}&gt;&lt;member&gt;…&lt;/member&gt;…&lt;/{name}&gt;</c>.</summary>
    public static XElement Members(string name, IEnumerable<object?> members) =>
        Element(name, members.Select(m => Element("member", m)));

    /// <summary>A string map: <c>&lt;{name}&gt;&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;…</c>.</summary>
    public static XElement Map(string name, IEnumerable<KeyValuePair<string, string>> entries) =>
        Element(name, entries.Select(e => Element("entry", Element("key", e.Key), Element("value", e.Value))));

    public static Task WriteResultAsync(HttpContext context, string action, string requestId, params object?[] result) =>
        WriteAsync(context.Response, StatusCodes.Status200OK, Element(action + "Response",
            result.Length == 0 ? null : Element(action + "Result", result),
            Element("ResponseMetadata", Element("RequestId", requestId))));

    public static Task WriteErrorAsync(HttpContext context, SnsErrorException error, string requestId) =>
        WriteAsync(context.Response, error.StatusCode, Element("ErrorResponse",
            Element("Error", Element("Type", error.StatusCode >= 500 ? "Receiver" : "Sender"), Element("Code", error.Code), Element("Message", error.Message)),
            Element("RequestId", requestId)));

    private static async Task WriteAsync(HttpResponse response, int statusCode, XElement root)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings))
            new XDocument(root).Save(writer);
        response.StatusCode = statusCode;
        response.ContentType = "text/xml";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), response.HttpContext.RequestAborted);
    }
}
