namespace Chalice;

/// <summary>
/// A route an <see cref="AuthResponse"/> allows (Chalice's <c>AuthRoute</c>): a path as the client calls it, e.g.
/// <c>/orders/42</c>, with <c>*</c> for any characters, and the methods allowed on it. A plain string converts to a
/// route with every method: <c>["/orders", new AuthRoute("/admin", "GET")]</c>; <c>"*"</c> allows every path.
/// </summary>
/// <param name="path">The path, starting with <c>/</c> (or <c>*</c> for every path).</param>
/// <param name="methods">The HTTP methods allowed; none means every method.</param>
public sealed class AuthRoute(string path, params string[] methods)
{
    /// <summary>The path, as in the method ARN API Gateway checks (<c>*</c> matches any characters).</summary>
    public string Path { get; } = path;

    /// <summary>The methods allowed; <c>*</c> when the route was given none.</summary>
    public IReadOnlyList<string> Methods { get; } = methods.Length == 0 ? ["*"] : methods;

    /// <summary>A route with every method.</summary>
    public static implicit operator AuthRoute(string path) => new(path);
}
