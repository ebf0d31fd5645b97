using System.ComponentModel;

namespace Chalice;

/// <summary>
/// The app manifest (routes, methods, handlers, options) as JSON, emitted by the source generator so that tools such
/// as the deployer can read it from the built assembly without running it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ChaliceManifestAttribute(string json) : Attribute
{
    /// <summary>The manifest JSON.</summary>
    public string Json { get; } = json;
}
