namespace Chalice;

/// <summary>Binds a parameter to a <c>{param}</c> of the route template (the default when the names match).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromRouteAttribute : Attribute
{
    /// <summary>The template parameter name, when it differs from the parameter's.</summary>
    public string? Name { get; set; }
}

/// <summary>Binds a parameter to a query string parameter; arrays take every value.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromQueryAttribute : Attribute
{
    /// <summary>The query parameter name, when it differs from the parameter's.</summary>
    public string? Name { get; set; }
}

/// <summary>Binds a parameter to a request header; arrays take every value.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromHeaderAttribute : Attribute
{
    /// <summary>The header name, when it differs from the parameter's.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// Binds a parameter to a value the route's authorizer passed on (<c>requestContext.authorizer</c>): its
/// <c>principalId</c> or a key of its context (behind an HTTP API with payload 2.0, a key of <c>lambda</c>), converted as
/// a query value is. <c>[FromAuthorizer(Name = "principalId")] string user</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromAuthorizerAttribute : Attribute
{
    /// <summary>The key, when it differs from the parameter's name.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// Binds a parameter to the request body: JSON for most types (through the app's JSON contexts), the text for
/// <see cref="string"/>, the bytes for <see cref="byte"/> arrays.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromBodyAttribute : Attribute;

/// <summary>Binds a parameter to a service from the app's service collection.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromServicesAttribute : Attribute;
