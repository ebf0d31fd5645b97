using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chalice;

namespace Bench;

public sealed record User(int Id, string Name);

[JsonSerializable(typeof(User))]
internal sealed partial class BenchJson : JsonSerializerContext;

[ChaliceApp("bench")]
public partial class App
{
    [Route("/hello")]
    public JsonObject Hello() => new() { ["hello"] = "world" };

    [Route("/users/{id}")]
    public User GetUser(int id) => new(id, "user" + id);
}
