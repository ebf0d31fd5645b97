using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGateway;

/// <summary>
/// rest-json timestamps: seconds since the epoch as a JSON number (possibly fractional); ISO 8601 strings are accepted
/// too because some stand-ins write them.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => DateTimeOffset.UnixEpoch.AddTicks((long)(reader.GetDouble() * TimeSpan.TicksPerSecond)),
            JsonTokenType.String => DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new JsonException($"Expected a timestamp, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
            writer.WriteNumberValue((time - DateTimeOffset.UnixEpoch).TotalSeconds);
        else
            writer.WriteNullValue();
    }
}
