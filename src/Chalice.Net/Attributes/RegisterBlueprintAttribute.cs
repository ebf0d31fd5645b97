namespace Chalice;

/// <summary>
/// Registers a <see cref="BlueprintAttribute"/> class into the app (Chalice's <c>app.register_blueprint</c>): its routes
/// are served under <see cref="UrlPrefix"/> and its functions are named with <see cref="NamePrefix"/> in front, as
/// Chalice does. Each blueprint is registered once.
/// </summary>
/// <example><c>[RegisterBlueprint(typeof(Users), UrlPrefix = "/users", NamePrefix = "users_")]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RegisterBlueprintAttribute(Type blueprint) : Attribute
{
    /// <summary>The blueprint class.</summary>
    public Type Blueprint { get; } = blueprint;

    /// <summary>
    /// Put in front of each route's path, as Chalice joins them: the prefix without its trailing <c>/</c>, a <c>/</c>,
    /// the path without its outer <c>/</c>s, and no trailing <c>/</c> (<c>/users</c> + <c>/{id}</c> is
    /// <c>/users/{id}</c>, <c>/users</c> + <c>/</c> is <c>/users</c>).
    /// </summary>
    public string? UrlPrefix { get; set; }

    /// <summary>Put in front of each function's and route's name (<c>users_</c> + <c>Cleanup</c> is <c>users_Cleanup</c>).</summary>
    public string? NamePrefix { get; set; }
}
