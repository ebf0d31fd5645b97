using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Events;

/// <summary>
/// The pieces the fast event readers (<see cref="FastProxyEventReader"/>, <see cref="FastSqsEventReader"/>) are built
/// from: each reads one value with a <see cref="Utf8JsonReader"/> and answers false for anything the wire types do not
/// model, so that the reader gives up and its caller falls back to the general deserializer. A reader may pass the
/// value it read at the same place before (<c>previous</c>): an equal value reuses that string instead of allocating
/// another, as events repeat names and values from record to record.
/// </summary>
/// <remarks>
/// Why not only the source-generated deserializer: it reads these events correctly but is the largest cost of an
/// invocation (an SQS batch of 10 spends most of its dispatch time there). Each fast reader is proven against it on
/// AWS's samples and on the events Chalice.Net builds.
/// </remarks>
internal static class FastEventReading
{
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the member the reader is on into <paramref name="target"/>; false for a member it does not model.</summary>
    public delegate bool MemberReader<in T>(ref Utf8JsonReader reader, T target);

    /// <summary>Reads the value the reader is on (never null), given the value at the same place before.</summary>
    public delegate bool ValueReader<T>(ref Utf8JsonReader reader, T? previous, out T value) where T : class;

    /// <summary>A map's string value.</summary>
    private static readonly ValueReader<string> s_readMapString = (ref Utf8JsonReader reader, string? previous, out string value) =>
    {
        value = "";
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            return false;
        value = ReadString(ref reader, previous);
        return true;
    };

    /// <summary>
    /// Reads a whole event whose every member <paramref name="readMember"/> knows; null if it cannot, malformed JSON
    /// included, so that the general deserializer reports it in its own words.
    /// </summary>
    public static T? TryReadEvent<T>(ReadOnlySpan<byte> json, MemberReader<T> readMember) where T : class, new()
    {
        var reader = new Utf8JsonReader(json, Options);
        var value = new T();
        try
        {
            // The last Read: only whitespace may follow the object (anything else throws).
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && TryReadMembers(ref reader, value, readMember) && !reader.Read()
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads <c>null</c> or an object whose every member <paramref name="readMember"/> knows.</summary>
    public static bool TryReadModel<T>(ref Utf8JsonReader reader, MemberReader<T> readMember, out T? value) where T : class, new()
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.StartObject, out var isNull))
            return false;
        if (isNull)
            return true;
        value = new T();
        return TryReadMembers(ref reader, value, readMember);
    }

    /// <summary>Reads the members of the object the reader has just entered, up to its end.</summary>
    public static bool TryReadMembers<T>(ref Utf8JsonReader reader, T target, MemberReader<T> readMember)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!readMember(ref reader, target))
                return false;
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    public static bool TryReadString(ref Utf8JsonReader reader, out string? value) => TryReadString(ref reader, previous: null, out value);

    public static bool TryReadString(ref Utf8JsonReader reader, string? previous, out string? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.String, out var isNull))
            return false;
        value = isNull ? null : ReadString(ref reader, previous);
        return true;
    }

    /// <summary>Reads <c>null</c> or a string, reusing the one of <paramref name="known"/> it equals.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, string[] known, out string? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.String, out var isNull))
            return false;
        if (isNull)
            return true;
        foreach (var candidate in known)
        {
            if (reader.ValueTextEquals(candidate))
            {
                value = candidate;
                return true;
            }
        }
        value = reader.GetString();
        return true;
    }

    /// <summary>A string the wire types require: <c>null</c> is not one (the general deserializer decides what it is).</summary>
    public static bool TryReadRequiredString(ref Utf8JsonReader reader, out string value)
    {
        value = "";
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            return false;
        value = reader.GetString()!;
        return true;
    }

    public static bool TryReadBool(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            value = reader.GetBoolean();
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    public static bool TryReadLong(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.Number, out var isNull))
            return false;
        if (isNull)
            return true;
        if (!reader.TryGetInt64(out var number))
            return false;
        value = number;
        return true;
    }

    /// <summary>Reads <c>null</c> or base64 text, as the serializer reads a <c>byte[]</c>.</summary>
    public static bool TryReadBytes(ref Utf8JsonReader reader, out byte[]? value)
    {
        value = null;
        return TryReadNext(ref reader, JsonTokenType.String, out var isNull) && (isNull || reader.TryGetBytesFromBase64(out value));
    }

    public static bool TryReadObject(ref Utf8JsonReader reader, out JsonObject? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.StartObject, out var isNull))
            return false;
        if (!isNull)
            value = (JsonObject)JsonNode.Parse(ref reader)!;
        return true;
    }

    public static bool TryReadList(ref Utf8JsonReader reader, out List<string>? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.StartArray, out var isNull))
            return false;
        if (isNull)
            return true;
        value = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
            value.Add(reader.GetString()!);
        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>Reads <c>null</c> or a list of base64 texts, as the serializer reads a <c>List&lt;byte[]&gt;</c>.</summary>
    public static bool TryReadBytesList(ref Utf8JsonReader reader, out List<byte[]>? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.StartArray, out var isNull))
            return false;
        if (isNull)
            return true;
        value = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            if (!reader.TryGetBytesFromBase64(out var bytes))
                return false;
            value.Add(bytes);
        }
        return reader.TokenType == JsonTokenType.EndArray;
    }

    public static bool TryReadMap(ref Utf8JsonReader reader, out Dictionary<string, string>? value) => TryReadMap(ref reader, previous: null, out value);

    /// <summary>Reads <c>null</c> or a map of strings, reusing the names and values <paramref name="previous"/> has at the same places.</summary>
    public static bool TryReadMap(ref Utf8JsonReader reader, Dictionary<string, string>? previous, out Dictionary<string, string>? value) =>
        TryReadMap(ref reader, previous, s_readMapString, out value);

    /// <summary>
    /// Reads <c>null</c> or a map whose values <paramref name="readValue"/> reads; names equal to those of
    /// <paramref name="previous"/> at the same places reuse its strings, and each value is read knowing its previous one.
    /// </summary>
    public static bool TryReadMap<T>(ref Utf8JsonReader reader, Dictionary<string, T>? previous, ValueReader<T> readValue, out Dictionary<string, T>? value) where T : class
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.StartObject, out var isNull))
            return false;
        if (isNull)
            return true;
        value = new Dictionary<string, T>(previous?.Count ?? 0, StringComparer.Ordinal);
        var aligned = new AlignedEntries<T>(previous);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var (name, previousValue) = aligned.Next(ref reader);
            if (!readValue(ref reader, previousValue, out var item))
                return false;
            value[name] = item;
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>
    /// A map of string lists. API Gateway lists the same names, in the same order, as the single-value map read before
    /// it (<paramref name="single"/>), and the last value of each list is that map's value: those strings are reused.
    /// </summary>
    public static bool TryReadMultiMap(ref Utf8JsonReader reader, Dictionary<string, string>? single, out Dictionary<string, List<string>>? value)
    {
        value = null;
        if (!TryReadNext(ref reader, JsonTokenType.StartObject, out var isNull))
            return false;
        if (isNull)
            return true;
        value = new Dictionary<string, List<string>>(single?.Count ?? 4, StringComparer.Ordinal);
        var aligned = new AlignedEntries<string>(single);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var (name, knownValue) = aligned.Next(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return false;
            var list = new List<string>(1);
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
                list.Add(ReadString(ref reader, knownValue));
            if (reader.TokenType != JsonTokenType.EndArray)
                return false;
            value[name] = list;
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>
    /// Walks the entries of a map read before in step with the property names being read: while the names match, in
    /// order, each name is that map's string and comes with that map's value; after the first difference, every name is
    /// read anew.
    /// </summary>
    public struct AlignedEntries<TValue>(Dictionary<string, TValue>? known) where TValue : class
    {
        private Dictionary<string, TValue>.Enumerator _entries = known?.GetEnumerator() ?? default;
        private bool _aligned = known is not null;

        /// <summary>The property name the reader is on, and the known value at its place (null if none).</summary>
        public (string Name, TValue? KnownValue) Next(ref Utf8JsonReader reader)
        {
            if (_aligned && _entries.MoveNext() && reader.ValueTextEquals(_entries.Current.Key))
                return (_entries.Current.Key, _entries.Current.Value);
            _aligned = false;
            return (reader.GetString()!, null);
        }
    }

    /// <summary>Lets an assignment stand in a condition: <c>TryRead(out var v) &amp;&amp; Set(e.Member = v)</c>.</summary>
    public static bool Set<T>(T _) => true;

    /// <summary>Moves to the next value: true if it is <c>null</c> (<paramref name="isNull"/>) or starts with <paramref name="expected"/>.</summary>
    private static bool TryReadNext(ref Utf8JsonReader reader, JsonTokenType expected, out bool isNull)
    {
        isNull = false;
        if (!reader.Read())
            return false;
        isNull = reader.TokenType == JsonTokenType.Null;
        return isNull || reader.TokenType == expected;
    }

    private static string ReadString(ref Utf8JsonReader reader, string? previous) =>
        previous is not null && reader.ValueTextEquals(previous) ? previous : reader.GetString()!;
}
