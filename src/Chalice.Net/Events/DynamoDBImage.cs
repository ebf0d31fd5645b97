using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Chalice.Events;

/// <summary>
/// Reads an item in DynamoDB's JSON (a stream record's <see cref="DynamoDBStreamRecord.Keys"/>,
/// <see cref="DynamoDBStreamRecord.NewImage"/> or <see cref="DynamoDBStreamRecord.OldImage"/>) as plain JSON or as
/// a type of the app: <c>record.DynamoDB.NewImage?.Deserialize(AppJson.Default.Order)</c>.
/// </summary>
public static class DynamoDBImage
{
    /// <summary>The item as a plain JSON object; each attribute converts as <see cref="DynamoDBAttributeValue.ToJsonNode"/> says.</summary>
    public static JsonObject ToJsonObject(this IReadOnlyDictionary<string, DynamoDBAttributeValue> image)
    {
        var result = new JsonObject();
        foreach (var (name, value) in image)
            result[name] = value.ToJsonNode();
        return result;
    }

    /// <summary>An item in DynamoDB's JSON from plain JSON; each member converts as <see cref="DynamoDBAttributeValue.FromJsonNode"/> says.</summary>
    public static Dictionary<string, DynamoDBAttributeValue> FromJsonObject(JsonObject item)
    {
        var image = new Dictionary<string, DynamoDBAttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in item)
            image[name] = DynamoDBAttributeValue.FromJsonNode(value);
        return image;
    }

    /// <summary>
    /// The item as <typeparamref name="T"/>, read from its plain JSON with the app's source-generated metadata
    /// (no reflection, so Native AOT safe).
    /// </summary>
    /// <exception cref="JsonException">The item does not fit <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(this IReadOnlyDictionary<string, DynamoDBAttributeValue> image, JsonTypeInfo<T> typeInfo) =>
        image.ToJsonObject().Deserialize(typeInfo);
}
