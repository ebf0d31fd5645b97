using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Chalice.Deploy.Templates;

/// <summary>
/// CloudFormation templates in YAML, read into and written from the JSON form the deployer builds. Reading knows
/// CloudFormation's short forms of intrinsic functions: <c>!Ref X</c> is <c>{"Ref": "X"}</c>, <c>!Condition X</c>
/// <c>{"Condition": "X"}</c>, any other <c>!Name v</c> <c>{"Fn::Name": v}</c>, and <c>!GetAtt A.B</c>
/// <c>{"Fn::GetAtt": ["A", "B"]}</c>, as Chalice's YAMLTemplateSerializer reads them (chalice/package.py) and as
/// CloudFormation defines them (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
/// Plain scalars take YAML's core types (null, true/false, integers, floats); quoted ones are strings.
/// </summary>
internal static partial class CloudFormationYaml
{
    /// <summary>Parses a template; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The text is not YAML, or not a mapping.</exception>
    public static JsonObject Read(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{file} is not a valid YAML template (line {e.Start.Line}, column {e.Start.Column}): {e.Message}");
        }
        return stream.Documents.Count == 1 && ToJson(stream.Documents[0].RootNode) is JsonObject root
            ? root
            : throw new InvalidDataException($"{file} must hold one YAML mapping (a template).");
    }

    /// <summary>The template as YAML (block style; strings that would read as another type are quoted).</summary>
    public static string Write(JsonNode template)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, template);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static JsonNode? ToJson(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is { Length: > 1 } && tag[0] == '!' && tag[1] != '!')
        {
            var name = tag[1..];
            var key = name is "Ref" or "Condition" ? name : "Fn::" + name;
            JsonNode? value = name == "GetAtt" && node is YamlScalarNode { Value: { } path }
                ? new JsonArray([.. path.Split('.', 2).Select(p => (JsonNode)p)])
                : Untagged(node);
            return new JsonObject { [key] = value };
        }
        return Untagged(node);
    }

    private static JsonNode? Untagged(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node at line {node.Start.Line}."),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in map)
                {
                    EmitString(emitter, key);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in list)
                    Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value:
                // Numbers and booleans as JSON writes them, which YAML reads back as the same type.
                emitter.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        // A string a reader would take for a null, a boolean or a number is quoted; the emitter quotes what else needs it.
        var style = Scalar(new YamlScalarNode(text)) is JsonValue read && read.GetValueKind() == JsonValueKind.String && text.Trim() == text
            ? ScalarStyle.Any
            : ScalarStyle.DoubleQuoted;
        emitter.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")]
    private static partial Regex FloatPattern();
}
