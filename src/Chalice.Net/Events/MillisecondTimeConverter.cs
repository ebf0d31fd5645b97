using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A UTC time in the form S3 and SNS send, always with milliseconds: <c>1970-01-01T00:00:00.120Z</c>. The default
/// DateTime writer drops trailing zeros (<c>00.12Z</c>), so an event built here would not read like AWS's.
/// </summary>
internal sealed class MillisecondTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetDateTime();
        return value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[Format.Length];
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        utc.TryFormat(text, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }
}
