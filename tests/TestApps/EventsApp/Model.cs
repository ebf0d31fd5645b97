using System.Text.Json.Serialization;
using Chalice.Events;
using Microsoft.Extensions.Logging;

namespace Chalice.EventsApp;

public sealed record Numbers(int A, int B);

public sealed record Sum(int Total, string Expression);

/// <summary>The detail of EC2's "EC2 Instance State-change Notification".</summary>
public sealed record InstanceState(
    [property: JsonPropertyName("instance-id")] string InstanceId,
    [property: JsonPropertyName("state")] string State);

[JsonSerializable(typeof(Numbers))]
[JsonSerializable(typeof(Sum))]
[JsonSerializable(typeof(EventBridgeEvent<InstanceState>))]
internal sealed partial class AppJson : JsonSerializerContext;

/// <summary>Where handlers that return nothing say what they saw.</summary>
public interface ISeen
{
    void Saw(string function, string what);
}

/// <summary>Logs it: "&lt;function&gt; saw &lt;what&gt;".</summary>
public sealed partial class LoggedSeen(ILogger<LoggedSeen> log) : ISeen
{
    public void Saw(string function, string what) => LogSaw(log, function, what);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} saw {What}")]
    private static partial void LogSaw(ILogger logger, string function, string what);
}
