using System.Text.Json.Nodes;

namespace Chalice.Configuration;

/// <summary>The resolved settings of one stage (and one Lambda function) of an app.</summary>
public sealed class StageConfig
{
    private readonly JsonObject?[] _levels; // most specific first
    private readonly string? _file;

    internal StageConfig(string stage, string function, bool isDefined, JsonObject?[] levels, string? file)
    {
        Stage = stage;
        Function = function;
        IsDefined = isDefined;
        _levels = levels;
        _file = file;
    }

    /// <summary>The Chalice stage name (<c>dev</c> by default).</summary>
    public string Stage { get; }

    /// <summary>The function these settings apply to (<c>api_handler</c> for the API).</summary>
    public string Function { get; }

    /// <summary>Whether the config file has a <c>stages</c> entry for this stage.</summary>
    public bool IsDefined { get; }

    /// <summary><c>environment_variables</c>, merged across levels; values must be strings.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => Merge("environment_variables");

    /// <summary><c>tags</c>, merged across levels.</summary>
    public IReadOnlyDictionary<string, string> Tags => Merge("tags");

    /// <summary><c>lambda_memory_size</c> in MB (Chalice's default 128).</summary>
    public int LambdaMemorySize => Int("lambda_memory_size") ?? 128;

    /// <summary><c>lambda_timeout</c> in seconds (Chalice's default 60).</summary>
    public int LambdaTimeout => Int("lambda_timeout") ?? 60;

    /// <summary><c>reserved_concurrency</c>, or null to leave the function unreserved.</summary>
    public int? ReservedConcurrency => Int("reserved_concurrency");

    /// <summary><c>autogen_policy</c>: infer the IAM policy from the code (default true).</summary>
    public bool AutogenPolicy => Bool("autogen_policy") ?? true;

    /// <summary><c>iam_policy_file</c>, relative to <c>.chalice/</c>.</summary>
    public string? IamPolicyFile => String("iam_policy_file");

    /// <summary>
    /// <c>iam_policy_merge_file</c> (Chalice.Net only): statements merged into the generated policy, relative to
    /// <c>.chalice/</c>.
    /// </summary>
    public string? IamPolicyMergeFile => String("iam_policy_merge_file");

    /// <summary><c>manage_iam_role</c> (default true).</summary>
    public bool ManageIamRole => Bool("manage_iam_role") ?? true;

    /// <summary><c>iam_role_arn</c>: the role to use when the role is not managed.</summary>
    public string? IamRoleArn => String("iam_role_arn");

    /// <summary><c>api_gateway_stage</c>: the API Gateway stage and URL prefix (default <c>api</c>).</summary>
    public string ApiGatewayStage => String("api_gateway_stage") ?? "api";

    /// <summary>
    /// <c>lambda_runtime</c> (Chalice.Net only): <c>provided.al2023</c> (the default: a Native AOT <c>bootstrap</c>) or
    /// <c>dotnet10</c> (the managed runtime, framework-dependent).
    /// </summary>
    public string LambdaRuntime => OneOf("lambda_runtime", "provided.al2023", "dotnet10");

    /// <summary><c>lambda_architecture</c> (Chalice.Net only): <c>x86_64</c> (the default) or <c>arm64</c>.</summary>
    public string LambdaArchitecture => OneOf("lambda_architecture", "x86_64", "arm64");

    /// <summary><c>local_aws</c> (Chalice.Net only): serve local stand-ins for AWS services in the emulator (default true).</summary>
    public bool LocalAws => Bool("local_aws") ?? true;

    /// <summary>
    /// <c>local_s3_buckets</c> (Chalice.Net only): the S3 buckets that exist on AWS for the app, which the emulator's
    /// S3 stand-in creates; any other bucket answers <c>NoSuchBucket</c> until the app creates it.
    /// </summary>
    public IReadOnlyList<string> LocalS3Buckets => Strings("local_s3_buckets");

    /// <summary>The raw value of a setting, looked up with Chalice's precedence; null when absent.</summary>
    public JsonNode? Get(string key)
    {
        foreach (var level in _levels)
        {
            if (level?[key] is { } value)
                return value;
        }
        return null;
    }

    /// <summary>A string setting.</summary>
    public string? String(string key) => ChaliceConfigValue.AsString(Get(key), key, _file);

    /// <summary>An integer setting.</summary>
    public int? Int(string key) => Get(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        var other => throw ChaliceConfigValue.WrongType(key, "an integer", other, _file),
    };

    /// <summary>A boolean setting.</summary>
    public bool? Bool(string key) => Get(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        var other => throw ChaliceConfigValue.WrongType(key, "true or false", other, _file),
    };

    /// <summary>A string setting restricted to <paramref name="allowed"/>, the first of which is the default.</summary>
    private string OneOf(string key, params string[] allowed)
    {
        var value = String(key) ?? allowed[0];
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ChaliceConfigException(
                $"{_file ?? ChaliceConfig.RelativePath}: '{key}' must be {string.Join(" or ", allowed.Select(a => $"\"{a}\""))}, not \"{value}\".");
    }

    /// <summary>An array-of-strings setting, empty when absent.</summary>
    public IReadOnlyList<string> StringList(string key) => Strings(key);

    private string[] Strings(string key) => Get(key) switch
    {
        null => [],
        JsonArray array => [.. array.Select((item, i) => ChaliceConfigValue.AsString(item, $"{key}[{i}]", _file)
                                                          ?? throw ChaliceConfigValue.WrongType($"{key}[{i}]", "a string", item, _file))],
        var other => throw ChaliceConfigValue.WrongType(key, "an array of strings", other, _file),
    };

    private Dictionary<string, string> Merge(string key)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = _levels.Length - 1; i >= 0; i--)
        {
            switch (_levels[i]?[key])
            {
                case null:
                    break;
                case JsonObject map:
                    foreach (var (name, value) in map)
                        merged[name] = ChaliceConfigValue.AsString(value, $"{key}.{name}", _file)
                                       ?? throw ChaliceConfigValue.WrongType($"{key}.{name}", "a string", value, _file);
                    break;
                case var other:
                    throw ChaliceConfigValue.WrongType(key, "an object of strings", other, _file);
            }
        }
        return merged;
    }
}
