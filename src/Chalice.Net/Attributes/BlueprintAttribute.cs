namespace Chalice;

/// <summary>
/// Marks a class whose routes, functions and middleware belong to the app that registers it with
/// <see cref="RegisterBlueprintAttribute"/> (Chalice's <c>Blueprint</c>). It is built once, with the app, and may take
/// services in its constructor; its members are written exactly as the app class's.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BlueprintAttribute : Attribute;
