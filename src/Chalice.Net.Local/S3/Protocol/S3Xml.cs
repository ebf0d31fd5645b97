using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Protocol;

/// <summary>
/// S3's REST-XML conventions: the document namespace, time formats, reading a request's document and writing a document
/// as a response.
/// </summary>
internal static class S3Xml
{
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>A time as S3 writes it inside XML documents, e.g. <c>2026-11-23T11:01:07.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time as S3 writes it in headers (RFC 1123), e.g. <c>Mon, 23 Nov 2026 11:01:07 GMT</c>.</summary>
    public static string HttpDate(DateTimeOffset time) => time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An element in S3's namespace.</summary>
    public static XElement Element(string name, params object?[] content) => new(Namespace + name, content);

    /// <summary>
    /// Reads the request's XML document, whose root must be <paramref name="rootName"/> (in any namespace, as S3 reads
    /// it); a body that is not XML or has another root is S3's <c>MalformedXml</c>.
    /// </summary>
    public static async Task<XElement> ReadRequestAsync(S3Call call, string rootName)
    {
        XDocument document;
        try
        {
            await using var payload = RequestPayload.Open(call);
            document = await XDocument.LoadAsync(payload, LoadOptions.None, call.Aborted);
        }
        catch (XmlException)
        {
            throw S3ErrorException.MalformedXml();
        }
        return document.Root is { } root && root.Name.LocalName == rootName ? root : throw S3ErrorException.MalformedXml();
    }

    /// <summary>The text of <paramref name="parent"/>'s first child named <paramref name="name"/> (any namespace), or null.</summary>
    public static string? ChildValue(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public static async Task WriteAsync(HttpResponse response, XElement root, int statusCode = StatusCodes.Status200OK)
    {
        var body = Serialize(root);
        response.StatusCode = statusCode;
        response.ContentType = "application/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, response.HttpContext.RequestAborted);
    }

    private static byte[] Serialize(XElement root)
    {
        using var buffer = new MemoryStream();
        // Keys may hold characters XML 1.0 cannot carry; like S3, write them as character references instead of failing.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = false };
        using (var writer = XmlWriter.Create(buffer, settings))
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        return buffer.ToArray();
    }
}
