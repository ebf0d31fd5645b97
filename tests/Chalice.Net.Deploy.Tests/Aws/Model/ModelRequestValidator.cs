using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using static Chalice.Deploy.Tests.Aws.Model.ServiceModel;

namespace Chalice.Deploy.Tests.Aws.Model;

/// <summary>
/// Checks a captured request against its operation in the botocore model: HTTP method, URI pattern (labels, greedy
/// labels, literal query), required members at the location the model gives them (URI, query string, header, body,
/// form), member types and enums, no member the model does not define, and for the query protocol Action/Version.
/// </summary>
internal static class ModelRequestValidator
{
    /// <summary>The operation the request is for and every way it departs from the model (empty when it conforms).</summary>
    public static (string Operation, List<string> Problems) Validate(ServiceModel model, CapturedRequest request)
    {
        var problems = new List<string>();
        var operationName = model.Protocol switch
        {
            "query" => ParsePairs(Encoding.UTF8.GetString(request.Body)).FirstOrDefault(p => p.Key == "Action").Value,
            "json" => JsonTarget(model, request, problems),
            _ => request.Operation?.Name,
        };
        if (operationName is null || !model.HasOperation(operationName))
        {
            problems.Add($"operation '{operationName}' is not in the {model.Service} model");
            return (operationName ?? "(unknown)", problems);
        }

        var operation = model.Operation(operationName);
        var http = operation.GetProperty("http");
        var method = http.GetProperty("method").GetString()!;
        if (request.Method.Method != method)
            problems.Add($"method is {request.Method.Method}, the model says {method}");
        var input = operation.TryGetProperty("input", out var inputRef) ? model.Target(inputRef) : default;

        switch (model.Protocol)
        {
            case "query":
                ValidateQueryProtocol(model, request, input, problems);
                break;
            case "json":
                ValidateJsonProtocol(model, request, input, problems);
                break;
            default:
                ValidateRest(model, request, http.GetProperty("requestUri").GetString()!, input, problems);
                break;
        }
        return (operationName, problems);
    }

    /// <summary>The operation a JSON-protocol request names in <c>X-Amz-Target</c> (<c>{targetPrefix}.{Operation}</c>).</summary>
    private static string? JsonTarget(ServiceModel model, CapturedRequest request, List<string> problems)
    {
        if (!request.Headers.TryGetValue("X-Amz-Target", out var target))
        {
            problems.Add("JSON-protocol requests name their operation in X-Amz-Target, which is missing");
            return null;
        }
        var prefix = String(model.Metadata, "targetPrefix");
        var dot = target.LastIndexOf('.');
        if (dot < 0 || target[..dot] != prefix)
            problems.Add($"X-Amz-Target '{target}' does not start with the model's target prefix '{prefix}.'");
        return dot < 0 ? target : target[(dot + 1)..];
    }

    private static void ValidateJsonProtocol(ServiceModel model, CapturedRequest request, JsonElement input, List<string> problems)
    {
        if (request.Uri.AbsolutePath != "/")
            problems.Add($"JSON-protocol requests go to '/', not '{request.Uri.AbsolutePath}'");
        if (request.Uri.Query.Length > 0)
            problems.Add($"JSON-protocol requests carry no query string, not '{request.Uri.Query}'");
        var contentType = $"application/x-amz-json-{String(model.Metadata, "jsonVersion")}";
        if (request.ContentType?.StartsWith(contentType, StringComparison.Ordinal) != true)
            problems.Add($"content type is '{request.ContentType}', expected {contentType}");
        if (request.Body.Length == 0)
        {
            problems.Add("JSON-protocol requests carry a JSON body (at least {})");
            return;
        }
        using var body = JsonDocument.Parse(request.Body);
        if (input.ValueKind == JsonValueKind.Undefined)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object || body.RootElement.EnumerateObject().Any())
                problems.Add("the operation takes no input but the body is not {}");
            return;
        }
        ValidateJson(model, input, "", body.RootElement, problems);
    }

    private static void ValidateQueryProtocol(ServiceModel model, CapturedRequest request, JsonElement input, List<string> problems)
    {
        if (request.Uri.AbsolutePath != "/")
            problems.Add($"query-protocol requests go to '/', not '{request.Uri.AbsolutePath}'");
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
            problems.Add($"content type is '{request.ContentType}', expected application/x-www-form-urlencoded");
        var form = ParsePairs(Encoding.UTF8.GetString(request.Body));
        if (form.Count(p => p.Key == "Version") != 1 || form.First(p => p.Key == "Version").Value != model.ApiVersion)
            problems.Add($"Version must be {model.ApiVersion}");
        if (form.Count(p => p.Key == "Action") != 1)
            problems.Add("Action must appear once");
        var members = form.Where(p => p.Key is not ("Action" or "Version")).ToList();
        if (input.ValueKind == JsonValueKind.Undefined)
        {
            problems.AddRange(members.Select(p => $"form member '{p.Key}' but the operation takes no input"));
            return;
        }
        ValidateQueryValue(model, input, "", members, problems);
    }

    /// <summary>Validates the form pairs under <paramref name="prefix"/> against <paramref name="shape"/>.</summary>
    private static void ValidateQueryValue(
        ServiceModel model, JsonElement shape, string prefix, List<KeyValuePair<string, string>> pairs, List<string> problems)
    {
        string Join(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        List<KeyValuePair<string, string>> Under(string path) =>
            pairs.Where(p => p.Key == path || p.Key.StartsWith(path + ".", StringComparison.Ordinal)).ToList();

        switch (TypeOf(shape))
        {
            case "structure":
                var claimed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in Members(shape))
                {
                    var path = Join(String(member.Value, "locationName") ?? member.Name);
                    var under = Under(path);
                    claimed.UnionWith(under.Select(p => p.Key));
                    if (under.Count == 0)
                    {
                        if (Required(shape).Contains(member.Name))
                            problems.Add($"required member '{path}' is missing");
                        continue;
                    }
                    ValidateQueryValue(model, model.Target(member.Value), path, under, problems);
                }
                problems.AddRange(pairs.Where(p => !claimed.Contains(p.Key)).Select(p => $"form member '{p.Key}' is not in the model"));
                break;
            case "list":
                var itemName = String(shape.GetProperty("member"), "locationName") ?? "member";
                var itemPrefix = shape.TryGetProperty("flattened", out var flat) && flat.GetBoolean() ? prefix : $"{prefix}.{itemName}";
                foreach (var group in pairs.GroupBy(p => IndexAfter(p.Key, itemPrefix)))
                {
                    if (group.Key is not { } index)
                    {
                        problems.AddRange(group.Select(p => $"form member '{p.Key}' is not '{itemPrefix}.N…'"));
                        continue;
                    }
                    ValidateQueryValue(model, model.Target(shape.GetProperty("member")), $"{itemPrefix}.{index}", [.. group], problems);
                }
                break;
            case "map":
                foreach (var group in pairs.GroupBy(p => IndexAfter(p.Key, $"{prefix}.entry")))
                {
                    var entry = $"{prefix}.entry.{group.Key}";
                    if (group.Key is null || !group.Any(p => p.Key == $"{entry}.key") || !group.Any(p => p.Key == $"{entry}.value"))
                        problems.Add($"map entry under '{prefix}' is not an entry.N.key/entry.N.value pair");
                }
                break;
            default:
                if (pairs.Count != 1 || pairs[0].Key != prefix)
                {
                    problems.Add($"scalar member '{prefix}' appears as {string.Join(", ", pairs.Select(p => p.Key))}");
                    break;
                }
                ValidateScalarText(shape, prefix, pairs[0].Value, problems);
                break;
        }
    }

    /// <summary>rest-json and rest-xml: labels, query, headers and body (JSON members, or an XML payload).</summary>
    private static void ValidateRest(ServiceModel model, CapturedRequest request, string requestUri, JsonElement input, List<string> problems)
    {
        var split = requestUri.Split('?', 2);
        var bound = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!MatchPath(split[0], PathWithBucket(model, request.Uri), bound))
            problems.Add($"path '{request.Uri.AbsolutePath}' does not match '{split[0]}'");

        var query = ParsePairs(request.Uri.Query.TrimStart('?'));
        var unclaimed = query.ToList();
        if (split.Length == 2)
        {
            foreach (var literal in ParsePairs(split[1]))
            {
                if (!unclaimed.Remove(literal))
                    problems.Add($"literal query '{literal.Key}={literal.Value}' from the model is missing");
            }
        }
        if (input.ValueKind == JsonValueKind.Undefined)
            return;

        string? payloadMember = String(input, "payload");
        JsonProperty? queryMap = null;
        var bodyMembers = new List<JsonProperty>();
        foreach (var member in Members(input))
        {
            var location = String(member.Value, "location");
            var wireName = String(member.Value, "locationName") ?? member.Name;
            var target = model.Target(member.Value);
            var required = Required(input).Contains(member.Name);
            switch (location)
            {
                case "uri":
                    if (!bound.ContainsKey(wireName) && required)
                        problems.Add($"required URI label '{wireName}' is missing");
                    break;
                case "querystring" when TypeOf(target) == "map" && String(member.Value, "locationName") is null:
                    queryMap = member;
                    break;
                case "querystring":
                    var values = unclaimed.Where(p => p.Key == wireName).ToList();
                    unclaimed.RemoveAll(p => p.Key == wireName);
                    if (values.Count == 0 && required)
                        problems.Add($"required query parameter '{wireName}' is missing");
                    if (values.Count > 1 && TypeOf(target) != "list")
                        problems.Add($"query parameter '{wireName}' repeats but is not a list");
                    var scalar = TypeOf(target) == "list" ? model.Target(target.GetProperty("member")) : target;
                    foreach (var value in values)
                        ValidateScalarText(scalar, wireName, value.Value, problems);
                    break;
                case "header":
                    if (request.Headers.TryGetValue(wireName, out var headerValue))
                        ValidateScalarText(target, wireName, headerValue, problems);
                    else if (required)
                        problems.Add($"required header '{wireName}' is missing");
                    break;
                case "headers":
                    break;
                default:
                    if (member.Name != payloadMember)
                        bodyMembers.Add(member);
                    break;
            }
        }
        if (queryMap is null)
            problems.AddRange(unclaimed.Select(p => $"query parameter '{p.Key}' is not in the model"));

        if (payloadMember is not null)
        {
            var payloadShape = model.Target(input.GetProperty("members").GetProperty(payloadMember));
            if (TypeOf(payloadShape) is "blob" or "string")
            {
                if (request.Body.Length == 0 && Required(input).Contains(payloadMember))
                    problems.Add($"required payload '{payloadMember}' (the raw body) is empty");
                return;
            }
            if (model.Protocol == "rest-xml")
            {
                ValidateXmlPayload(model, input.GetProperty("members").GetProperty(payloadMember), Required(input).Contains(payloadMember),
                    request, problems);
                return;
            }
        }
        if (model.Protocol == "rest-xml" && bodyMembers.Count > 0)
        {
            problems.Add("this validator checks rest-xml bodies only through a payload member");
            return;
        }
        if (bodyMembers.Count == 0)
        {
            if (request.Body.Length > 0)
                problems.Add("the operation has no body members but the request has a body");
            return;
        }
        if (request.Body.Length == 0)
        {
            problems.AddRange(bodyMembers.Where(m => Required(input).Contains(m.Name)).Select(m => $"required body member '{m.Name}' is missing"));
            return;
        }
        using var body = JsonDocument.Parse(request.Body);
        var bodyShapeMembers = bodyMembers.ToDictionary(m => String(m.Value, "locationName") ?? m.Name, m => m);
        if (body.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the body is not a JSON object");
            return;
        }
        foreach (var member in bodyMembers.Where(m => Required(input).Contains(m.Name)))
        {
            if (!body.RootElement.TryGetProperty(String(member.Value, "locationName") ?? member.Name, out _))
                problems.Add($"required body member '{member.Name}' is missing");
        }
        foreach (var property in body.RootElement.EnumerateObject())
        {
            if (!bodyShapeMembers.TryGetValue(property.Name, out var member))
                problems.Add($"body member '{property.Name}' is not in the model (or belongs in the URI, query or headers)");
            else
                ValidateJson(model, model.Target(member.Value), property.Name, property.Value, problems);
        }
    }

    private static void ValidateJson(ServiceModel model, JsonElement shape, string path, JsonElement value, List<string> problems)
    {
        var type = TypeOf(shape);
        var ok = type switch
        {
            "structure" => value.ValueKind == JsonValueKind.Object,
            "list" => value.ValueKind == JsonValueKind.Array,
            "map" => value.ValueKind == JsonValueKind.Object,
            "string" => value.ValueKind == JsonValueKind.String,
            "blob" => value.ValueKind == JsonValueKind.String && IsBase64(value.GetString()!),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "integer" or "long" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "float" or "double" => value.ValueKind == JsonValueKind.Number,
            "timestamp" => value.ValueKind is JsonValueKind.Number or JsonValueKind.String,
            _ => false,
        };
        if (!ok)
        {
            problems.Add($"'{path}' is {value.ValueKind}, the model says {type}");
            return;
        }
        switch (type)
        {
            case "structure":
                var members = Members(shape).ToDictionary(m => String(m.Value, "locationName") ?? m.Name, m => m.Value);
                foreach (var required in Required(shape))
                {
                    if (!value.TryGetProperty(required, out _))
                        problems.Add($"required member '{Join(path, required)}' is missing");
                }
                foreach (var property in value.EnumerateObject())
                {
                    if (members.TryGetValue(property.Name, out var member))
                        ValidateJson(model, model.Target(member), Join(path, property.Name), property.Value, problems);
                    else
                        problems.Add($"member '{Join(path, property.Name)}' is not in the model");
                }
                break;
            case "list":
                var index = 0;
                foreach (var item in value.EnumerateArray())
                    ValidateJson(model, model.Target(shape.GetProperty("member")), $"{path}[{index++}]", item, problems);
                break;
            case "map":
                foreach (var entry in value.EnumerateObject())
                    ValidateJson(model, model.Target(shape.GetProperty("value")), Join(path, entry.Name), entry.Value, problems);
                break;
            case "string":
                ValidateEnum(shape, path, value.GetString()!, problems);
                break;
        }
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static void ValidateScalarText(JsonElement shape, string path, string text, List<string> problems)
    {
        var type = TypeOf(shape);
        var ok = type switch
        {
            "string" => true,
            "integer" or "long" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "boolean" => text is "true" or "false",
            "float" or "double" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "timestamp" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "blob" => IsBase64(text),
            _ => false,
        };
        if (!ok)
            problems.Add($"'{path}' = '{text}' is not a valid {type}");
        else if (type == "string")
            ValidateEnum(shape, path, text, problems);
    }

    private static void ValidateEnum(JsonElement shape, string path, string value, List<string> problems)
    {
        if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value))
            problems.Add($"'{path}' = '{value}' is not one of the model's values");
    }

    /// <summary>
    /// The path as the model's URI templates see it. S3 requests addressed virtual-hosted style carry the bucket in the
    /// host (<c>bucket.s3.region.amazonaws.com/</c>) instead of the path's first segment, which the templates name.
    /// </summary>
    private static string PathWithBucket(ServiceModel model, Uri uri)
    {
        if (model.Service != "s3" || uri.Host.IndexOf(".s3.", StringComparison.Ordinal) is not (> 0 and var end))
            return uri.AbsolutePath;
        return "/" + uri.Host[..end] + (uri.AbsolutePath == "/" ? "" : uri.AbsolutePath);
    }

    /// <summary>
    /// A rest-xml payload: the body's root element is the member's <c>locationName</c> in the member's
    /// <c>xmlNamespace</c>, and its content matches the payload's structure.
    /// </summary>
    private static void ValidateXmlPayload(ServiceModel model, JsonElement payloadMember, bool required, CapturedRequest request, List<string> problems)
    {
        if (request.Body.Length == 0)
        {
            if (required)
                problems.Add("the required XML payload is missing");
            return;
        }
        XElement root;
        try
        {
            root = XDocument.Parse(Encoding.UTF8.GetString(request.Body)).Root!;
        }
        catch (XmlException e)
        {
            problems.Add($"the body is not XML ({e.Message})");
            return;
        }
        var shape = model.Target(payloadMember);
        var name = String(payloadMember, "locationName") ?? String(shape, "locationName") ?? payloadMember.GetProperty("shape").GetString()!;
        if (root.Name.LocalName != name)
            problems.Add($"the payload's root element is <{root.Name.LocalName}>, the model says <{name}>");
        if (payloadMember.TryGetProperty("xmlNamespace", out var xmlNamespace) && root.Name.NamespaceName != String(xmlNamespace, "uri"))
            problems.Add($"the payload's namespace is '{root.Name.NamespaceName}', the model says '{String(xmlNamespace, "uri")}'");
        ValidateXml(model, shape, root, name, problems);
    }

    private static void ValidateXml(ServiceModel model, JsonElement shape, XElement element, string path, List<string> problems)
    {
        switch (TypeOf(shape))
        {
            case "structure":
                var claimed = new HashSet<XElement>();
                foreach (var member in Members(shape))
                {
                    var target = model.Target(member.Value);
                    var wireName = String(member.Value, "locationName") ?? member.Name;
                    var flattened = TypeOf(target) == "list" && target.TryGetProperty("flattened", out var flat) && flat.GetBoolean();
                    var children = element.Elements().Where(e => e.Name.LocalName == wireName).ToList();
                    claimed.UnionWith(children);
                    if (children.Count == 0)
                    {
                        if (Required(shape).Contains(member.Name))
                            problems.Add($"required member '{path}.{wireName}' is missing");
                        continue;
                    }
                    if (flattened)
                    {
                        var itemShape = model.Target(target.GetProperty("member"));
                        for (var i = 0; i < children.Count; i++)
                            ValidateXml(model, itemShape, children[i], $"{path}.{wireName}[{i}]", problems);
                        continue;
                    }
                    if (children.Count > 1)
                        problems.Add($"member '{path}.{wireName}' appears {children.Count} times");
                    ValidateXml(model, target, children[0], $"{path}.{wireName}", problems);
                }
                problems.AddRange(element.Elements().Where(e => !claimed.Contains(e))
                    .Select(e => $"element '{path}.{e.Name.LocalName}' is not in the model"));
                break;
            case "list":
                var itemName = String(shape.GetProperty("member"), "locationName") ?? "member";
                var item = model.Target(shape.GetProperty("member"));
                var index = 0;
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName != itemName)
                        problems.Add($"list item '{path}.{child.Name.LocalName}' should be <{itemName}>");
                    ValidateXml(model, item, child, $"{path}[{index++}]", problems);
                }
                break;
            case "map":
                problems.Add($"'{path}': this validator does not check XML maps");
                break;
            default:
                if (element.HasElements)
                    problems.Add($"scalar member '{path}' has child elements");
                else
                    ValidateScalarText(shape, path, element.Value, problems);
                break;
        }
    }

    /// <summary>Matches a path against a template with {Label} (one segment) and {Label+} (the rest) placeholders.</summary>
    private static bool MatchPath(string template, string path, Dictionary<string, List<string>> bound)
    {
        var templateSegments = template.TrimStart('/').Split('/');
        var pathSegments = path.TrimStart('/').Split('/');
        for (var i = 0; i < templateSegments.Length; i++)
        {
            var segment = templateSegments[i];
            if (segment.StartsWith('{') && segment.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= pathSegments.Length)
                    return false;
                bound[segment[1..^2]] = [Uri.UnescapeDataString(string.Join('/', pathSegments[i..]))];
                return true;
            }
            if (i >= pathSegments.Length)
                return false;
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                if (pathSegments[i].Length == 0)
                    return false;
                bound[segment[1..^1]] = [Uri.UnescapeDataString(pathSegments[i])];
            }
            else if (segment != pathSegments[i])
            {
                return false;
            }
        }
        return templateSegments.Length == pathSegments.Length;
    }

    private static int? IndexAfter(string key, string prefix)
    {
        if (!key.StartsWith(prefix + ".", StringComparison.Ordinal))
            return null;
        var rest = key[(prefix.Length + 1)..];
        var end = rest.IndexOf('.', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1
            ? index
            : null;
    }

    private static List<KeyValuePair<string, string>> ParsePairs(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .ToList();

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
