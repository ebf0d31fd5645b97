using System.Collections.Generic;
using System.Globalization;

namespace Chalice.Generators.Parsing;

/// <summary>
/// What EventBridge requires of an event pattern before it looks at what it matches: JSON (at most 4096 characters, the
/// <c>EventPattern</c> shape of the EventBridge API model, shared/fixtures/aws-models/events) whose root is an object,
/// and whose every field is an object or a non-empty array of values. EventBridge answers otherwise with "Event pattern
/// is not valid. Reason: "source" must be an object or an array" and "Empty arrays are not allowed"
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html; the replies are quoted in
/// https://github.com/buildkite/docs/pull/896 and https://github.com/aws/aws-cdk/issues/36904).
/// Hand-written, as the generator cannot count on System.Text.Json in every compiler host.
/// </summary>
internal sealed class EventPatternSyntax
{
    public const int MaxLength = 4096;

    private readonly string _text;
    private int _position;

    private EventPatternSyntax(string text) => _text = text;

    /// <summary>Whether EventBridge accepts <paramref name="pattern"/>; otherwise <paramref name="error"/> says why.</summary>
    public static bool IsValid(string? pattern, out string error)
    {
        if (pattern is null || pattern.Trim().Length == 0)
        {
            error = "it is empty; write a JSON object such as {\"source\": [\"aws.ec2\"]}";
            return false;
        }
        if (pattern.Length > MaxLength)
        {
            error = $"it has {pattern.Length} characters; EventBridge takes at most {MaxLength}";
            return false;
        }
        var parser = new EventPatternSyntax(pattern);
        try
        {
            parser.SkipWhitespace();
            var root = parser.ReadValue();
            parser.SkipWhitespace();
            if (parser._position < pattern.Length)
                throw parser.Fail("there is more after the JSON value");
            if (root is not Dictionary<string, object?> fields)
            {
                error = "it must be a JSON object, such as {\"source\": [\"aws.ec2\"]}";
                return false;
            }
            return CheckFields(fields, out error);
        }
        catch (PatternException e)
        {
            error = "it is not valid JSON: " + e.Message;
            return false;
        }
    }

    private static bool CheckFields(Dictionary<string, object?> fields, out string error)
    {
        foreach (var field in fields)
        {
            switch (field.Value)
            {
                case Dictionary<string, object?> nested:
                    if (!CheckFields(nested, out error))
                        return false;
                    break;
                case List<object?> { Count: 0 }:
                    error = $"\"{field.Key}\" is an empty array, which EventBridge does not allow";
                    return false;
                case List<object?>:
                    break;
                default:
                    error = $"\"{field.Key}\" must be an object or an array of values to match, such as [\"{Describe(field.Value)}\"]";
                    return false;
            }
        }
        error = "";
        return true;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    private object? ReadValue()
    {
        if (_position >= _text.Length)
            throw Fail("it ends too early");
        switch (_text[_position])
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                return ReadString();
            case 't':
                return ReadLiteral("true", true);
            case 'f':
                return ReadLiteral("false", false);
            case 'n':
                return ReadLiteral("null", null);
            default:
                return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        var fields = new Dictionary<string, object?>();
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return fields;
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
                throw Fail("a field name in double quotes was expected");
            var name = ReadString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            fields[name] = ReadValue();
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect('}');
            return fields;
        }
    }

    private List<object?> ReadArray()
    {
        var items = new List<object?>();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return items;
        }
        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue());
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }
            Expect(']');
            return items;
        }
    }

    private string ReadString()
    {
        _position++;
        var text = new System.Text.StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
                return text.ToString();
            if (c < ' ')
                throw Fail("a string holds a control character");
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            if (_position >= _text.Length)
                break;
            var escaped = _text[_position++];
            switch (escaped)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case '/': text.Append('/'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        throw Fail("\\u must be followed by four hexadecimal digits");
                    text.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Fail($"'\\{escaped}' is not a JSON escape");
            }
        }
        throw Fail("a string is not closed");
    }

    private object? ReadLiteral(string literal, object? value)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            throw Fail("a value was expected");
        _position += literal.Length;
        return value;
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            _position++;
        var text = _text.Substring(start, _position - start);
        if (text.Length == 0 || text[0] == '+' || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            _position = start;
            throw Fail("a value was expected");
        }
        return number;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
            throw Fail($"'{c}' was expected");
        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
            _position++;
    }

    private PatternException Fail(string problem) => new($"{problem} (at character {_position + 1})");

    private sealed class PatternException(string message) : System.Exception(message);
}
