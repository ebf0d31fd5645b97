using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Chalice.Deploy.Planning;

namespace Chalice.Deploy.State;

/// <summary>
/// Reads and writes <c>.chalice/deployed/&lt;stage&gt;.json</c> of an app. Writes are atomic (a temporary file renamed
/// over the old one), so an interrupted deploy leaves either the previous record or the new one, never half a file.
/// </summary>
internal sealed class DeployedStateStore
{
    private static readonly JsonSerializerOptions s_allKinds = Options(ResourcePlanners.All);

    private readonly JsonSerializerOptions _json;

    /// <summary>A store for the resources of every planner (<see cref="ResourcePlanners.All"/>).</summary>
    /// <param name="appDirectory">The app's folder.</param>
    public DeployedStateStore(string appDirectory)
    {
        Directory = Path.Combine(appDirectory, ".chalice", "deployed");
        _json = s_allKinds;
    }

    /// <summary>A store for the resources of <paramref name="planners"/> (a deployer given its own planners).</summary>
    internal DeployedStateStore(string appDirectory, IReadOnlyList<IResourcePlanner> planners)
    {
        Directory = Path.Combine(appDirectory, ".chalice", "deployed");
        _json = Options(planners);
    }

    /// <summary>The folder holding the state files.</summary>
    public string Directory { get; }

    /// <summary>The state file of a stage.</summary>
    public string PathFor(string stage) => Path.Combine(Directory, stage + ".json");

    /// <summary>The recorded state of a stage, or null when nothing is recorded.</summary>
    /// <exception cref="DeployedStateException">The file is not a state file this version understands.</exception>
    public DeployedState? Load(string stage)
    {
        var path = PathFor(stage);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<DeployedState>(File.ReadAllText(path), _json)
                   ?? throw new DeployedStateException($"{Shown(path)} is empty.");
        }
        catch (JsonException e)
        {
            throw new DeployedStateException(
                $"{Shown(path)} is not a deployment record chalice-net understands ({e.Message.Split(" Path:", 2)[0]}). " +
                "Fix or remove it; a deploy finds resources again by name.");
        }
    }

    /// <summary>Writes a stage's state atomically.</summary>
    public void Save(DeployedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(state.Stage);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, _json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes a stage's state file, if any.</summary>
    public void Delete(string stage) => File.Delete(PathFor(stage));

    /// <summary>
    /// The file's JSON: Chalice's snake_case names, and each record written with its planner's <c>resource_type</c>,
    /// so that a new kind of resource is known here without a change to this file.
    /// </summary>
    private static JsonSerializerOptions Options(IReadOnlyList<IResourcePlanner> planners)
    {
        void DeclareResourceKinds(JsonTypeInfo type)
        {
            if (type.Type != typeof(DeployedResource))
                return;
            type.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "resource_type" };
            foreach (var planner in planners)
                type.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(planner.RecordType, planner.ResourceType));
        }

        return new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = true,
            RespectRequiredConstructorParameters = true,
            // Plain JSON: base64 hashes keep their '+' rather than '\u002B'. The file is for people and tools, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DeclareResourceKinds } },
        };
    }

    private static string Shown(string path) => Path.Combine(".chalice", "deployed", Path.GetFileName(path));
}
