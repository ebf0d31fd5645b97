using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A time sent as seconds since the Unix epoch, with a fraction (Kinesis' <c>approximateArrivalTimestamp</c>,
/// <c>1480641523.477</c>; DynamoDB's <c>ApproximateCreationDateTime</c>), read as a UTC <see cref="DateTime"/>.
/// It goes through <see cref="decimal"/>, not <see cref="double"/>, so the time written back is the number that was
/// read, digit for digit, down to DateTime's 100 ns resolution.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var seconds))
            throw new JsonException("Expected a time in seconds since the Unix epoch (a number).");
        var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond);
        if (ticks < -DateTime.UnixEpoch.Ticks || ticks > DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks)
            throw new JsonException($"{seconds} seconds since the Unix epoch is out of range.");
        return DateTime.UnixEpoch.AddTicks((long)ticks);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        // decimal division keeps no trailing zeros: 1480642020 seconds are written as 1480642020, not 1480642020.0.
        writer.WriteNumberValue((decimal)(utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond);
    }
}
