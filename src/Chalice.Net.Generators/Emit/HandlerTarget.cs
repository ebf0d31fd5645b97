using Chalice.Generators.Model;

namespace Chalice.Generators.Emit;

/// <summary>What a generated invoker calls a handler (or middleware) on: the app, or the blueprint that declares it.</summary>
internal static class HandlerTarget
{
    /// <summary>A C# expression for the call's target, inside an invoker whose <c>app</c> parameter is the app instance.</summary>
    public static string Of(AppModel app, HandlerModel handler) => handler.Owner switch
    {
        null when handler.IsStatic => app.FullyQualifiedName,
        null => $"(({app.FullyQualifiedName})app)",
        { } owner when handler.IsStatic => owner.FullyQualifiedName,
        { } owner => $"(({app.FullyQualifiedName})app).{owner.FieldName}",
    };
}
