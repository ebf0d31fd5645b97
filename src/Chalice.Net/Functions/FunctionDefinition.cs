using System.ComponentModel;
using System.Text.Json;

namespace Chalice.Functions;

/// <summary>Calls one function's handler with the event in <paramref name="context"/>; returns what the handler returned.</summary>
/// <param name="app">The app instance (ignored by static handlers).</param>
/// <param name="context">The invocation.</param>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public delegate ValueTask<object?> FunctionInvoker(object app, FunctionContext context);

/// <summary>Reads a function's event (or a pure function's input) from the invocation's payload.</summary>
/// <param name="payload">The payload's UTF-8 JSON.</param>
/// <param name="options">The app's JSON options (its contexts and the built-in metadata).</param>
/// <exception cref="JsonException">The payload does not read as the handler's type.</exception>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public delegate object? FunctionEventReader(ReadOnlySpan<byte> payload, JsonSerializerOptions options);

/// <summary>
/// One Lambda function of the app besides the API (an event handler or a pure function), emitted by the source
/// generator: its name, its event source, and the generated invoker.
/// </summary>
public sealed class FunctionDefinition
{
    /// <summary>Creates a definition; generated code calls this.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public FunctionDefinition(string name, string handlerName, EventSourceSettings? source, FunctionInvoker invoker)
    {
        Name = name;
        HandlerName = handlerName;
        Source = source;
        Invoker = invoker;
    }

    /// <summary>The function's name: <c>[…(Name = …)]</c>, else the method's name.</summary>
    public string Name { get; }

    /// <summary>The handler method's name.</summary>
    public string HandlerName { get; }

    /// <summary>The event source's settings; null for a pure function.</summary>
    public EventSourceSettings? Source { get; }

    /// <summary>What invokes the function.</summary>
    public FunctionKind Kind => Source?.Kind ?? FunctionKind.Pure;

    /// <summary>The generated invoker.</summary>
    public FunctionInvoker Invoker { get; }

    /// <summary>
    /// Reads the payload as the handler's own type: a pure function's input, or an EventBridge event with a typed
    /// detail. Null when the handler takes its source's event type (read by the runtime), or no input at all.
    /// </summary>
    public FunctionEventReader? ReadEvent { get; init; }
}
