namespace Chalice.Generators.Model;

/// <summary>
/// A <c>[Blueprint]</c> class registered into the app: built with the app from the app's services and kept in a field of
/// the generated app class, through which its instance handlers are called.
/// </summary>
/// <param name="FullyQualifiedName">The blueprint class, fully qualified.</param>
/// <param name="FieldName">The generated field of the app class that holds the instance.</param>
/// <param name="ConstructorParameters">The services its constructor takes.</param>
internal sealed record BlueprintModel(string FullyQualifiedName, string FieldName, EquatableArray<ServiceModel> ConstructorParameters);
