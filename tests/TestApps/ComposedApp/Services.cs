using System.Text.Json.Nodes;

namespace Chalice.ComposedApp;

/// <summary>What ran in one invocation, in order: scoped, so middleware and the handler of one invocation share it.</summary>
public sealed class InvocationTrail
{
    private readonly List<string> _steps = [];

    public InvocationTrail Add(string step)
    {
        _steps.Add(step);
        return this;
    }

    public JsonArray ToJson() => new(_steps.Select(s => (JsonNode?)s).ToArray());
}

public interface IUserDirectory
{
    string NameOf(string id);
}

public sealed class UserDirectory : IUserDirectory
{
    public string NameOf(string id) => id == "u-1" ? "Ada" : "unknown";
}

/// <summary>A function-style wrapper written for (event, context) handlers, with no knowledge of Chalice.Net's middleware.</summary>
public static class AuditWrapper
{
    public static LambdaHandler Wrap(LambdaHandler handler) => async (@event, context) =>
    {
        var result = await handler(@event, context);
        return new JsonObject { ["audited"] = context?.FunctionName, ["event"] = @event?.GetType().Name, ["result"] = result is null ? null : "a result" };
    };
}
