using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Policy.Documents;

/// <summary>
/// An IAM policy document: <c>Version</c> and its statements, kept as JSON so that statements from user files keep
/// every element they have (<c>Condition</c>, <c>NotAction</c>, …). <see cref="ToJson"/> is deterministic.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The current policy language version.</summary>
    public const string CurrentVersion = "2012-10-17";

    private static readonly HashSet<string> s_versions = [CurrentVersion, "2008-10-17"];

    private static readonly JsonSerializerOptions s_writeOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep '+', '<', non-ASCII and the like readable: the document is for people and for IAM, not for HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates a document from copies of the statements.</summary>
    public PolicyDocument(IEnumerable<JsonObject> statements, string version = CurrentVersion)
    {
        Version = version;
        Statements = statements.Select(s => (JsonObject)s.DeepClone()).ToArray();
    }

    /// <summary>The policy language version.</summary>
    public string Version { get; }

    /// <summary>The statements, in document order.</summary>
    public IReadOnlyList<JsonObject> Statements { get; }

    /// <summary>The document as 2-space indented JSON with a final newline.</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["Version"] = Version,
            ["Statement"] = new JsonArray(Statements.Select(s => (JsonNode?)s.DeepClone()).ToArray()),
        };
        return root.ToJsonString(s_writeOptions) + "\n";
    }

    /// <summary>
    /// Parses and validates a user's policy document: a JSON object with a supported <c>Version</c> and a
    /// <c>Statement</c> (one object or a list of them), each with <c>Effect</c> Allow or Deny, an <c>Action</c> or
    /// <c>NotAction</c> and a <c>Resource</c> or <c>NotResource</c>, each a string or a list of strings.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <exception cref="InvalidPolicyException">The text is not a valid policy document.</exception>
    public static PolicyDocument Parse(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidPolicyException($"{source} is not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:", 2)[0]}");
        }
        if (node is not JsonObject root)
            throw new InvalidPolicyException($"{source} must contain a JSON object with a \"Statement\" list.");

        var version = root["Version"] switch
        {
            null => CurrentVersion,
            JsonValue v when v.TryGetValue<string>(out var text) && s_versions.Contains(text) => text,
            var other => throw new InvalidPolicyException(
                $"{source}: \"Version\" must be \"{CurrentVersion}\", not {other.ToJsonString()}."),
        };
        JsonObject[] statements = root["Statement"] switch
        {
            JsonObject single => [single],
            JsonArray list when list.Count > 0 => list.Select((s, i) => s as JsonObject ??
                throw new InvalidPolicyException($"{source}: Statement[{i}] must be an object.")).ToArray(),
            null => throw new InvalidPolicyException($"{source} has no \"Statement\"."),
            _ => throw new InvalidPolicyException($"{source}: \"Statement\" must be an object or a non-empty list of objects."),
        };
        for (var i = 0; i < statements.Length; i++)
            ValidateStatement(statements[i], $"{source}: Statement[{i}]");
        var duplicateSid = statements
            .Select(s => s["Sid"]?.GetValue<string>())
            .Where(sid => sid is not null)
            .GroupBy(sid => sid, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicateSid is not null)
            throw new InvalidPolicyException($"{source}: Sid \"{duplicateSid.Key}\" is used by more than one statement.");
        return new PolicyDocument(statements, version);
    }

    /// <summary>
    /// Checks a policy document about to be deployed (generated or a user's) with the rules of <see cref="Parse"/>,
    /// the one set of rules every policy passes; returns the text unchanged.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="source">What the document is, for error messages ("The IAM policy of s3test-dev").</param>
    /// <exception cref="InvalidPolicyException">The text is not a valid policy document.</exception>
    public static string Validate(string json, string source)
    {
        Parse(json, source);
        return json;
    }

    private static void ValidateStatement(JsonObject statement, string where)
    {
        if (statement["Effect"] is not JsonValue effect || !effect.TryGetValue<string>(out var value) || value is not ("Allow" or "Deny"))
            throw new InvalidPolicyException($"{where}: \"Effect\" must be \"Allow\" or \"Deny\".");
        RequireOneOf(statement, where, "Action", "NotAction");
        RequireOneOf(statement, where, "Resource", "NotResource");
        if (statement["Sid"] is { } sid && (sid is not JsonValue s || !s.TryGetValue<string>(out _)))
            throw new InvalidPolicyException($"{where}: \"Sid\" must be a string.");
    }

    private static void RequireOneOf(JsonObject statement, string where, string name, string negated)
    {
        var present = new[] { name, negated }.Where(statement.ContainsKey).ToArray();
        if (present.Length != 1)
            throw new InvalidPolicyException($"{where} must have exactly one of \"{name}\" and \"{negated}\".");
        var valid = statement[present[0]] switch
        {
            JsonValue v => v.TryGetValue<string>(out var text) && text.Length > 0,
            JsonArray list => list.Count > 0 && list.All(item => item is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0),
            _ => false,
        };
        if (!valid)
            throw new InvalidPolicyException($"{where}: \"{present[0]}\" must be a string or a non-empty list of strings.");
    }
}
