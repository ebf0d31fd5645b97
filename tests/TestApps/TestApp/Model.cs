using System.Text.Json.Serialization;

namespace Chalice.TestApp;

public sealed record User(int Id, string Name, string? Note = null);

public enum Color
{
    Red,
    Green,
    Blue,
}

public enum ErrorKind
{
    View,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    Conflict,
    UnprocessableEntity,
    TooManyRequests,
}

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Greeter : IGreeter
{
    public string Greet(string name) => $"Hello, {name}!";
}

/// <summary>A scoped service: one instance per request.</summary>
public sealed class RequestScope
{
    public Guid Id { get; } = Guid.NewGuid();
}

[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(User[]))]
internal sealed partial class TestAppJsonContext : JsonSerializerContext;
