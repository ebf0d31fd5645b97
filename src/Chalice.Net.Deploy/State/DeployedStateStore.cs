using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chalice.Deploy.State;

/// <summary>
/// Reads and writes <c>.chalice/deployed/&lt;stage&gt;.json</c> of an app. Writes are atomic (a temporary file renamed
/// over the old one), so an interrupted deploy leaves either the previous record or the new one, never half a file.
/// </summary>
/// <param name="appDirectory">The app's folder.</param>
public sealed class DeployedStateStore(string appDirectory)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
        // Plain JSON: base64 hashes keep their '+' rather than '\u002B'. The file is for people and tools, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The folder holding the state files.</summary>
    public string Directory { get; } = Path.Combine(appDirectory, ".chalice", "deployed");

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
            return JsonSerializer.Deserialize<DeployedState>(File.ReadAllText(path), s_json)
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
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, s_json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes a stage's state file, if any.</summary>
    public void Delete(string stage) => File.Delete(PathFor(stage));

    private static string Shown(string path) => Path.Combine(".chalice", "deployed", Path.GetFileName(path));
}
