namespace Chalice.Generators.Model;

/// <summary>
/// One <c>[Middleware]</c>: a method whose parameters bind the invocation (<see cref="ParameterSource.Event"/>), the
/// <c>next</c> delegate (<see cref="ParameterSource.Next"/>) and what handlers bind besides; or a static
/// <c>ConvertToMiddleware</c> field (<see cref="IsConverted"/>, the handler's name then being the field's).
/// </summary>
/// <param name="EventType">One of Chalice's kinds: <c>all</c>, <c>http</c>, <c>pure_lambda</c>, <c>s3</c>, ….</param>
internal sealed record MiddlewareModel(string EventType, HandlerModel Handler, bool IsConverted)
{
    /// <summary>It wraps HTTP requests.</summary>
    public bool WrapsHttp => EventType is "all" or "http";

    /// <summary>It wraps some functions' invocations.</summary>
    public bool WrapsEvents => EventType != "http";
}
