using System.ComponentModel;

namespace Chalice.Hosting;

/// <summary>Turns what a handler returned into a <see cref="Response"/>; generated invokers call these.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerResults
{
    /// <summary>The response of a handler that returns nothing: 200 with an empty body.</summary>
    public static Response Empty() => new();

    /// <summary>
    /// The response of a handler's return value: a <see cref="Response"/> as is, null as the JSON <c>null</c> that
    /// Chalice sends, anything else as the body.
    /// </summary>
    public static Response From(object? value) => value switch
    {
        Response response => response,
        null => new Response("null", 200, [new("Content-Type", "application/json")]),
        _ => new Response(value),
    };
}
