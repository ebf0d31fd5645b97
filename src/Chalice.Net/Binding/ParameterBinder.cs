using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Chalice.Binding;

/// <summary>Where a handler parameter's value comes from; names the source in error messages.</summary>
public enum BindingSource
{
    /// <summary>A <c>{param}</c> of the route template.</summary>
    Route,

    /// <summary>A query string parameter.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>The request body.</summary>
    Body,

    /// <summary>A value the route's authorizer passed on (<c>requestContext.authorizer</c>).</summary>
    Authorizer,
}

/// <summary>
/// Conversions the generated invokers use to bind handler parameters. A value that does not convert is the client's
/// mistake: it becomes a 400 <see cref="BadRequestError"/> naming the parameter.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterBinder
{
    /// <summary>The raw value of a route, query or header parameter; null when absent.</summary>
    public static string? Value(Request request, BindingSource source, string name) => source switch
    {
        BindingSource.Route => request.UriParams.GetValueOrDefault(name),
        BindingSource.Query => request.QueryParams.Get(name),
        BindingSource.Header => request.Headers.Get(name),
        BindingSource.Authorizer => AuthorizerValue(request, name),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>Every raw value of a repeated query or header parameter.</summary>
    public static IReadOnlyList<string> Values(Request request, BindingSource source, string name) => source switch
    {
        BindingSource.Query => request.QueryParams.GetList(name),
        BindingSource.Header => request.Headers.GetList(name),
        _ => Value(request, source, name) is { } value ? [value] : [],
    };

    /// <summary>
    /// A value of <c>requestContext.authorizer</c>: a key of its own (REST APIs put the principal id and the context
    /// there), else of its <c>lambda</c> object (HTTP APIs with payload 2.0); numbers and booleans as their JSON text.
    /// </summary>
    private static string? AuthorizerValue(Request request, string name)
    {
        var authorizer = request.Context.Authorizer;
        var node = authorizer?[name] ?? (authorizer?["lambda"] as System.Text.Json.Nodes.JsonObject)?[name];
        return node is System.Text.Json.Nodes.JsonValue value
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : null;
    }

    /// <summary>The values as an array.</summary>
    public static string[] Strings(IReadOnlyList<string> values) => [.. values];

    /// <summary>The value, or a 400 saying the parameter is missing.</summary>
    public static string Required(string? value, string name, BindingSource source) =>
        value ?? throw new BadRequestError($"Missing required {Describe(source)} '{name}'.");

    /// <summary>Parses <paramref name="value"/> with the invariant culture (dates keep their offset or UTC kind).</summary>
    public static T Parse<T>(string value, string name, BindingSource source) where T : IParsable<T>
    {
        if (typeof(T) == typeof(DateTime))
        {
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                ? (T)(object)date
                : throw Invalid(value, name, source, "a date and time");
        }
        if (typeof(T) == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? (T)(object)date
                : throw Invalid(value, name, source, "a date and time");
        }
        return T.TryParse(value, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Invalid(value, name, source, Describe(typeof(T)));
    }

    /// <summary>Parses an enum member by name (case-insensitive) or number.</summary>
    public static T ParseEnum<T>(string value, string name, BindingSource source) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var result) && (Enum.IsDefined(result) || IsNumber(value))
            ? result
            : throw Invalid(value, name, source, $"one of {string.Join(", ", Enum.GetNames<T>())}");

    /// <summary>Parses every value of a repeated parameter.</summary>
    public static T[] ParseAll<T>(IReadOnlyList<string> values, string name, BindingSource source) where T : IParsable<T>
    {
        var result = new T[values.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = Parse<T>(values[i], name, source);
        return result;
    }

    /// <summary>Parses every value of a repeated enum parameter.</summary>
    public static T[] ParseAllEnum<T>(IReadOnlyList<string> values, string name, BindingSource source) where T : struct, Enum
    {
        var result = new T[values.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = ParseEnum<T>(values[i], name, source);
        return result;
    }

    /// <summary>Deserializes the request body; an empty body is <c>default</c>, or a 400 when required.</summary>
    public static T? Body<T>(Request request, JsonTypeInfo<T> typeInfo, string name, bool required)
    {
        var body = request.RawBody;
        if (body.Length == 0)
            return required ? throw new BadRequestError($"Missing request body for parameter '{name}'.") : default;
        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            return value is null && required ? throw new BadRequestError($"Missing request body for parameter '{name}'.") : value;
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw new BadRequestError(
                $"Invalid JSON body for parameter '{name}'{where} (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }
    }

    /// <summary>The JSON metadata of <typeparamref name="T"/> from the app's contexts.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static BadRequestError Invalid(string value, string name, BindingSource source, string expected) =>
        new($"Invalid value '{value}' for {Describe(source)} '{name}': expected {expected}.");

    private static bool IsNumber(string value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static string Describe(BindingSource source) => source switch
    {
        BindingSource.Route => "path parameter",
        BindingSource.Query => "query parameter",
        BindingSource.Header => "header",
        BindingSource.Authorizer => "authorizer value",
        _ => "body parameter",
    };

    private static string Describe(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "true or false",
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => "an integer",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
        TypeCode.Char => "a single character",
        _ when type == typeof(Guid) => "a GUID",
        _ => "a " + type.Name,
    };
}
