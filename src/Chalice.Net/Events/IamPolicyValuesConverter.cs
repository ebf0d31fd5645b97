using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>Reads and writes <see cref="IamPolicyValues"/> in the form it came in: a string or an array of strings.</summary>
internal sealed class IamPolicyValuesConverter : JsonConverter<IamPolicyValues>
{
    public override IamPolicyValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return IamPolicyValues.Single(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("Expected a string or an array of strings.");
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException("Expected a string or an array of strings.");
            values.Add(reader.GetString()!);
        }
        return IamPolicyValues.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
    }

    public override void Write(Utf8JsonWriter writer, IamPolicyValues value, JsonSerializerOptions options)
    {
        if (!value.IsList && value.Count == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }
        writer.WriteStartArray();
        foreach (var item in value)
            writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
