using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Chalice.Functions;
using Chalice.Local.EventSources;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// A stand-in for the dispatcher behind the local event sources: records each invocation's function and payload, and
/// answers with what <see cref="Handle"/> returns (or throws). The emulator tests run the real dispatcher instead.
/// </summary>
internal sealed class RecordedInvocations
{
    public ConcurrentQueue<(string Function, JsonNode Event)> Calls { get; } = new();

    public Func<string, JsonNode, CancellationToken, ValueTask<string>> Handle { get; set; } = (_, _, _) => ValueTask.FromResult("null");

    public FunctionInvocation Invoke => async (function, payload, cancellationToken) =>
    {
        var @event = JsonNode.Parse(payload.Span)!;
        Calls.Enqueue((function.Name, @event));
        return System.Text.Encoding.UTF8.GetBytes(await Handle(function.Name, @event, cancellationToken));
    };

    /// <summary>A function of the given source whose generated invoker is never called here.</summary>
    public static FunctionDefinition Function(string name, EventSourceSettings source) =>
        new(name, name, source, (_, _) => throw new InvalidOperationException("RecordedInvocations invokes functions itself."));
}
