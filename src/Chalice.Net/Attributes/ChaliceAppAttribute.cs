namespace Chalice;

/// <summary>
/// Marks the partial class that holds an app's route handlers. The source generator turns it into an app: route
/// table, typed invokers, the <c>Main</c> entry point and a manifest the deployer reads. One per assembly.
/// <para>
/// The class may take services in its constructor and may declare
/// <c>static void ConfigureServices(IServiceCollection services)</c> to register them.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ChaliceAppAttribute(string name) : Attribute
{
    /// <summary>The app name; deployed resources are named <c>{name}-{stage}</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Media types the REST API treats as binary besides Chalice's defaults (<see cref="Chalice.BinaryMediaTypes.Default"/>),
    /// as Chalice's <c>app.api.binary_types.append(...)</c>: a request body of such a type reaches the function as base64,
    /// and a response of such a type (or to a request that accepts one) is returned as bytes. The deployed API's
    /// <c>binaryMediaTypes</c>, the templates, the local gateway and the test client all use the same list.
    /// </summary>
    public string[] BinaryMediaTypes { get; init; } = [];
}
