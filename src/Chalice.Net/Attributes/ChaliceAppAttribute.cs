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
}
