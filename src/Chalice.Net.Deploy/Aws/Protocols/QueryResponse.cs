using System.Globalization;
using System.Xml.Linq;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>
/// Reads a query-protocol response: the <c>&lt;{Operation}Result&gt;</c> element of
/// <c>&lt;{Operation}Response&gt;</c>, matched by local name so the service's XML namespace does not matter.
/// </summary>
internal sealed class QueryResponse
{
    private QueryResponse(XElement result) => Result = result;

    public XElement Result { get; }

    public static QueryResponse Parse(byte[] body, AwsOperation operation)
    {
        XElement? root;
        try
        {
            root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root;
        }
        catch (System.Xml.XmlException e)
        {
            throw Malformed(operation, e.Message);
        }
        if (root is null)
            throw Malformed(operation, "empty document");
        var result = root.Elements().FirstOrDefault(e => e.Name.LocalName == operation.Name + "Result")
            ?? throw Malformed(operation, $"no {operation.Name}Result element");
        return new QueryResponse(result);
    }

    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(XElement? parent, string name) => Child(parent, name)?.Value;

    public static int? Int(XElement? parent, string name) =>
        Text(parent, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public static bool Bool(XElement? parent, string name) =>
        string.Equals(Text(parent, name), "true", StringComparison.OrdinalIgnoreCase);

    public static DateTimeOffset? Timestamp(XElement? parent, string name) =>
        Text(parent, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    /// <summary>The <c>&lt;member&gt;</c> children of a list element.</summary>
    public static IEnumerable<XElement> Members(XElement? parent, string listName) =>
        Child(parent, listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    /// <summary>A <c>Tags</c> list of <c>Key</c>/<c>Value</c> members as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Tags(XElement? parent, string listName = "Tags") =>
        Members(parent, listName).ToDictionary(m => Text(m, "Key") ?? "", m => Text(m, "Value") ?? "", StringComparer.Ordinal);

    private static AwsServiceException Malformed(AwsOperation operation, string what) =>
        new(operation.Service.ServiceId, operation.Name, System.Net.HttpStatusCode.OK, "MalformedResponse",
            $"the response could not be read ({what})", null);
}
