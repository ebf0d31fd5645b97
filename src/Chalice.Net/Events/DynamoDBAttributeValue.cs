using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// One attribute in DynamoDB's JSON, <c>{"S": "Joe"}</c>, <c>{"N": "35"}</c>, <c>{"M": {...}}</c>: exactly one
/// member is set, and its name is the type (see
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html). The wire members keep
/// DynamoDB's names, as the AWS SDK does; the <c>As…</c> methods read the value as a .NET value and fail with the
/// attribute's actual type when it is another, and <see cref="ToJsonNode"/> turns it into plain JSON.
/// </summary>
public sealed class DynamoDBAttributeValue
{
    /// <summary>A string.</summary>
    [JsonPropertyName("S")] public string? S { get; set; }

    /// <summary>A number, as DynamoDB sends it: text, up to 38 digits of precision.</summary>
    [JsonPropertyName("N")] public string? N { get; set; }

    /// <summary>Binary, decoded from the base64 it travels in.</summary>
    [JsonPropertyName("B")] public byte[]? B { get; set; }

    /// <summary>A string set.</summary>
    [JsonPropertyName("SS")] public List<string>? SS { get; set; }

    /// <summary>A number set, each number as text.</summary>
    [JsonPropertyName("NS")] public List<string>? NS { get; set; }

    /// <summary>A binary set.</summary>
    [JsonPropertyName("BS")] public List<byte[]>? BS { get; set; }

    /// <summary>A map of attributes.</summary>
    [JsonPropertyName("M")] public Dictionary<string, DynamoDBAttributeValue>? M { get; set; }

    /// <summary>A list of attributes.</summary>
    [JsonPropertyName("L")] public List<DynamoDBAttributeValue>? L { get; set; }

    /// <summary><see langword="true"/> for a null attribute.</summary>
    [JsonPropertyName("NULL")] public bool? NULL { get; set; }

    /// <summary>A Boolean.</summary>
    [JsonPropertyName("BOOL")] public bool? BOOL { get; set; }

    /// <summary>A type this version does not know, kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Which of DynamoDB's types this attribute is.</summary>
    [JsonIgnore]
    public DynamoDBAttributeType Type => this switch
    {
        { S: not null } => DynamoDBAttributeType.String,
        { N: not null } => DynamoDBAttributeType.Number,
        { B: not null } => DynamoDBAttributeType.Binary,
        { SS: not null } => DynamoDBAttributeType.StringSet,
        { NS: not null } => DynamoDBAttributeType.NumberSet,
        { BS: not null } => DynamoDBAttributeType.BinarySet,
        { M: not null } => DynamoDBAttributeType.Map,
        { L: not null } => DynamoDBAttributeType.List,
        { NULL: true } => DynamoDBAttributeType.Null,
        { BOOL: not null } => DynamoDBAttributeType.Boolean,
        _ => DynamoDBAttributeType.Unknown,
    };

    /// <summary>True for a null attribute (<c>{"NULL": true}</c>).</summary>
    [JsonIgnore] public bool IsNull => NULL == true;

    /// <summary>The string of an <c>S</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a string.</exception>
    public string AsString() => S ?? throw NotA(DynamoDBAttributeType.String);

    /// <summary>
    /// The number of an <c>N</c> attribute as <typeparamref name="T"/>: <see cref="int"/>, <see cref="long"/>,
    /// <see cref="decimal"/> (28 digits), <see cref="double"/>, <see cref="BigInteger"/>, …
    /// </summary>
    /// <exception cref="InvalidOperationException">The attribute is not a number.</exception>
    /// <exception cref="OverflowException">
    /// The number does not fit <typeparamref name="T"/>: out of its range, or a fraction for an integer type.
    /// </exception>
    public T AsNumber<T>() where T : INumberBase<T> => ParseNumber<T>(N ?? throw NotA(DynamoDBAttributeType.Number));

    /// <summary>The bytes of a <c>B</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not binary.</exception>
    public byte[] AsBytes() => B ?? throw NotA(DynamoDBAttributeType.Binary);

    /// <summary>The value of a <c>BOOL</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a Boolean.</exception>
    public bool AsBoolean() => BOOL ?? throw NotA(DynamoDBAttributeType.Boolean);

    /// <summary>The strings of an <c>SS</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a string set.</exception>
    public IReadOnlyList<string> AsStringSet() => SS ?? throw NotA(DynamoDBAttributeType.StringSet);

    /// <summary>The numbers of an <c>NS</c> attribute as <typeparamref name="T"/>; see <see cref="AsNumber{T}"/>.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a number set.</exception>
    public IReadOnlyList<T> AsNumberSet<T>() where T : INumberBase<T> =>
        (NS ?? throw NotA(DynamoDBAttributeType.NumberSet)).ConvertAll(ParseNumber<T>);

    /// <summary>The values of a <c>BS</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a binary set.</exception>
    public IReadOnlyList<byte[]> AsBinarySet() => BS ?? throw NotA(DynamoDBAttributeType.BinarySet);

    /// <summary>The attributes of an <c>M</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a map.</exception>
    public IReadOnlyDictionary<string, DynamoDBAttributeValue> AsMap() => M ?? throw NotA(DynamoDBAttributeType.Map);

    /// <summary>The attributes of an <c>L</c> attribute.</summary>
    /// <exception cref="InvalidOperationException">The attribute is not a list.</exception>
    public IReadOnlyList<DynamoDBAttributeValue> AsList() => L ?? throw NotA(DynamoDBAttributeType.List);

    /// <summary>
    /// The value as plain JSON, as the AWS SDKs' unmarshalling reads it: a string, a number (its exact digits), a
    /// Boolean, null, an array for a list or a set, an object for a map; binary as its base64 text (which
    /// System.Text.Json reads back into a <c>byte[]</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The attribute has no type this version knows.</exception>
    /// <exception cref="FormatException">A number is not a valid JSON number.</exception>
    public JsonNode? ToJsonNode() => Type switch
    {
        DynamoDBAttributeType.String => JsonValue.Create(S),
        DynamoDBAttributeType.Number => NumberNode(N!),
        DynamoDBAttributeType.Binary => JsonValue.Create(Convert.ToBase64String(B!)),
        DynamoDBAttributeType.StringSet => new JsonArray([.. SS!.Select(s => (JsonNode?)JsonValue.Create(s))]),
        DynamoDBAttributeType.NumberSet => new JsonArray([.. NS!.Select(NumberNode)]),
        DynamoDBAttributeType.BinarySet => new JsonArray([.. BS!.Select(b => (JsonNode?)JsonValue.Create(Convert.ToBase64String(b)))]),
        DynamoDBAttributeType.Map => DynamoDBImage.ToJsonObject(M!),
        DynamoDBAttributeType.List => new JsonArray([.. L!.Select(value => value.ToJsonNode())]),
        DynamoDBAttributeType.Null => null,
        DynamoDBAttributeType.Boolean => JsonValue.Create(BOOL!.Value),
        _ => throw new InvalidOperationException(
            $"The attribute has no type this version knows (members: {string.Join(", ", AdditionalProperties?.Keys ?? Enumerable.Empty<string>())})."),
    };

    /// <summary>
    /// The attribute for a plain JSON value, as the AWS SDKs' marshalling writes it (the inverse of
    /// <see cref="ToJsonNode"/>): a string as <c>S</c>, a number as <c>N</c> (its exact digits), a Boolean as
    /// <c>BOOL</c>, null as <c>NULL</c>, an array as a list <c>L</c>, an object as a map <c>M</c>.
    /// </summary>
    public static DynamoDBAttributeValue FromJsonNode(JsonNode? value) => value switch
    {
        null => new() { NULL = true },
        JsonObject map => new() { M = DynamoDBImage.FromJsonObject(map) },
        JsonArray list => new() { L = [.. list.Select(FromJsonNode)] },
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => new() { S = value.GetValue<string>() },
            JsonValueKind.Number => new() { N = value.ToJsonString() },
            JsonValueKind.True or JsonValueKind.False => new() { BOOL = value.GetValue<bool>() },
            _ => new() { NULL = true },
        },
    };

    private static T ParseNumber<T>(string number) where T : INumberBase<T>
    {
        try
        {
            return T.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // The BCL says "too large or too small" for 123.45 as an int, and FormatException for 3.5 as a BigInteger.
            throw new OverflowException($"The number {number} does not fit {typeof(T).Name}.", e);
        }
    }

    private static JsonNode NumberNode(string number)
    {
        // Parsed as a JSON literal, not through a .NET number type: DynamoDB's 38 digits survive.
        try
        {
            var node = JsonNode.Parse(number);
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
                return node;
        }
        catch (JsonException)
        {
        }
        throw new FormatException($"The DynamoDB number '{number}' is not a valid JSON number.");
    }

    private InvalidOperationException NotA(DynamoDBAttributeType expected) =>
        new($"The attribute is {Describe(Type)}, not {Describe(expected)}.");

    private static string Describe(DynamoDBAttributeType type) => type switch
    {
        DynamoDBAttributeType.String => "a string (S)",
        DynamoDBAttributeType.Number => "a number (N)",
        DynamoDBAttributeType.Binary => "binary (B)",
        DynamoDBAttributeType.StringSet => "a string set (SS)",
        DynamoDBAttributeType.NumberSet => "a number set (NS)",
        DynamoDBAttributeType.BinarySet => "a binary set (BS)",
        DynamoDBAttributeType.Map => "a map (M)",
        DynamoDBAttributeType.List => "a list (L)",
        DynamoDBAttributeType.Null => "null (NULL)",
        DynamoDBAttributeType.Boolean => "a Boolean (BOOL)",
        _ => "of no known type",
    };
}

/// <summary>DynamoDB's attribute types, named by <see cref="DynamoDBAttributeValue.Type"/>.</summary>
public enum DynamoDBAttributeType
{
    /// <summary>No member this version knows is set.</summary>
    Unknown,

    /// <summary><c>S</c>.</summary>
    String,

    /// <summary><c>N</c>.</summary>
    Number,

    /// <summary><c>B</c>.</summary>
    Binary,

    /// <summary><c>SS</c>.</summary>
    StringSet,

    /// <summary><c>NS</c>.</summary>
    NumberSet,

    /// <summary><c>BS</c>.</summary>
    BinarySet,

    /// <summary><c>M</c>.</summary>
    Map,

    /// <summary><c>L</c>.</summary>
    List,

    /// <summary><c>NULL</c>.</summary>
    Null,

    /// <summary><c>BOOL</c>.</summary>
    Boolean,
}
