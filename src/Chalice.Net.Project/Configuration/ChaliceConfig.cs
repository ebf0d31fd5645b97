using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Configuration;

/// <summary>
/// An app's <c>.chalice/config.json</c>, in Chalice's format: top-level settings, <c>stages.&lt;name&gt;</c>, and
/// per-function <c>lambda_functions.&lt;name&gt;</c> overrides at both levels. Check it with <see cref="Validate"/>,
/// resolve a stage with <see cref="ForStage"/>.
/// </summary>
public sealed class ChaliceConfig
{
    /// <summary>The folder of an app that holds its settings and its run state.</summary>
    public const string DirectoryName = ".chalice";

    /// <summary>The path of the config file relative to an app folder.</summary>
    public const string RelativePath = ".chalice/config.json";

    /// <summary>Chalice's default stage.</summary>
    public const string DefaultStage = "dev";

    /// <summary>The name of the function that serves all routes, as in Chalice.</summary>
    public const string ApiHandlerName = "api_handler";

    private readonly JsonObject _root;

    // Settings given on the command line (Chalice's user-provided parameters): above every level of the file.
    private readonly JsonObject? _commandLine;

    private ChaliceConfig(JsonObject root, string? path, JsonObject? commandLine = null)
    {
        _root = root;
        FilePath = path;
        _commandLine = commandLine;
    }

    /// <summary>An empty config: every setting takes its default.</summary>
    public static ChaliceConfig Empty { get; } = new(new JsonObject(), null);

    /// <summary>The file this config came from, or null when the app has none.</summary>
    public string? FilePath { get; }

    /// <summary>The file as messages name it.</summary>
    internal string ShownPath => FilePath ?? RelativePath;

    /// <summary>The <c>app_name</c> setting, if present.</summary>
    /// <exception cref="ChaliceConfigException">It is not a string.</exception>
    public string? AppName => new ConfigLevel(_root, "").Read(ConfigSettings.AppName, ShownPath)?.GetValue<string>();

    /// <summary>The stages the file defines.</summary>
    public IReadOnlyList<string> StageNames =>
        _root[ConfigSettings.Stages.Name] is JsonObject stages ? stages.Select(s => s.Key).ToArray() : [];

    /// <summary>The functions <c>lambda_functions</c> names for <paramref name="stage"/>, at the top level or in the stage.</summary>
    public IReadOnlyList<string> ConfiguredFunctions(string stage = DefaultStage)
    {
        var functions = ConfigSettings.LambdaFunctions.Name;
        var stageNode = (_root[ConfigSettings.Stages.Name] as JsonObject)?[stage] as JsonObject;
        return [.. new[] { _root[functions], stageNode?[functions] }.OfType<JsonObject>().SelectMany(f => f.Select(p => p.Key)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Loads <c>.chalice/config.json</c> from an app folder; an app without one gets <see cref="Empty"/>.</summary>
    /// <exception cref="ChaliceConfigException">The file is not a JSON object.</exception>
    public static ChaliceConfig Load(string appDirectory)
    {
        var path = Path.Combine(appDirectory, RelativePath);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Empty;
    }

    /// <summary>Parses config text; <paramref name="path"/> only names the file in error messages.</summary>
    /// <exception cref="ChaliceConfigException">The text is not a JSON object.</exception>
    public static ChaliceConfig Parse(string json, string? path = null)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                // Python's json module, which Chalice reads the file with, keeps the last of two equal keys; a
                // duplicate is a mistake either way, and here it is named instead of half-honoured.
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            throw new ChaliceConfigException($"{path ?? RelativePath} is not valid JSON{where}: {e.Message.Split(" Path:", 2)[0]}");
        }
        return node is JsonObject root
            ? new ChaliceConfig(root, path)
            : throw new ChaliceConfigException($"{path ?? RelativePath} must contain a JSON object.");
    }

    /// <summary>
    /// Every mistake in what applies to <paramref name="stage"/>: the top level, its <c>lambda_functions</c>, and the
    /// stage with its own. Other stages are checked when they are used, so that a setting meant for one stage never
    /// blocks another. An app without a config file has none.
    /// </summary>
    public IReadOnlyList<ConfigProblem> Validate(string stage = DefaultStage) =>
        ReferenceEquals(this, Empty) ? [] : new ConfigValidator(this, _root).Validate(stage);

    /// <summary>
    /// This config with settings given on the command line (<c>deploy --api-gateway-stage</c>, <c>--autogen-policy</c>),
    /// which win over every level of the file for every function, as Chalice's user-provided parameters do
    /// (chalice/config.py, Config.create). Each value is checked as a value of the file would be.
    /// </summary>
    /// <param name="settings">Setting names (<c>api_gateway_stage</c>) with their values; an empty object changes nothing.</param>
    /// <exception cref="ChaliceConfigException">A setting is not one Chalice.Net knows, or its value is not one it takes.</exception>
    public ChaliceConfig WithCommandLine(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var level = new ConfigLevel(settings, "the command line");
        foreach (var (name, _) in settings)
        {
            var setting = ConfigSettings.Find(name) ?? throw new ChaliceConfigException($"unknown setting \"{name}\" on the command line");
            level.Read(setting, "the command line");
        }
        return settings.Count == 0 ? this : new ChaliceConfig(_root, FilePath, settings);
    }

    /// <summary>
    /// The settings of one stage and function, with Chalice's precedence: stage-specific function settings, then the
    /// stage, then top-level function settings, then the top level. Dictionaries (environment variables, tags) merge
    /// in the reverse order, so the more specific level wins per key.
    /// </summary>
    public StageConfig ForStage(string stage = DefaultStage, string function = ApiHandlerName)
    {
        var stageNode = (_root[ConfigSettings.Stages.Name] as JsonObject)?[stage] as JsonObject;
        var functions = ConfigSettings.LambdaFunctions.Name;
        ConfigLevel[] levels =
        [
            new(_commandLine, "the command line"),
            new((stageNode?[functions] as JsonObject)?[function] as JsonObject, $"stages.{stage}.{functions}.{function}"),
            new(stageNode, $"stages.{stage}"),
            new((_root[functions] as JsonObject)?[function] as JsonObject, $"{functions}.{function}"),
            new(_root, ""),
        ];
        return new StageConfig(stage, function, stageNode is not null, levels, ShownPath);
    }
}
