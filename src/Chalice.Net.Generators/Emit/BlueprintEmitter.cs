using System.Linq;
using Chalice.Generators.Model;

namespace Chalice.Generators.Emit;

/// <summary>
/// Emits what registered blueprints need in the app class: a field per blueprint, set when the app is built, so that
/// its handlers are called on the one instance built from the app's services (each blueprint with its own constructor).
/// </summary>
internal static class BlueprintEmitter
{
    /// <summary>The app's construction, followed by its blueprints' when it has some.</summary>
    public static string CreateApp(AppModel app, string construction)
    {
        if (app.Blueprints.Count == 0)
            return construction;
        var assignments = string.Concat(app.Blueprints.Select(blueprint =>
            $" __app.{blueprint.FieldName} = new {blueprint.FullyQualifiedName}({AppEmitter.ConstructorArguments(blueprint.ConstructorParameters)});"));
        return $"{{ var __app = {construction};{assignments} return __app; }}";
    }

    public static void EmitFields(SourceWriter w, AppModel app)
    {
        foreach (var blueprint in app.Blueprints)
        {
            w.Line();
            w.Line($"private {blueprint.FullyQualifiedName} {blueprint.FieldName} = null!;");
        }
    }
}
