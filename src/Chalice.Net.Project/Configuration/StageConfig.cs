using System.Text.Json.Nodes;

namespace Chalice.Configuration;

/// <summary>
/// The resolved settings of one stage (and one Lambda function) of an app. Every typed accessor checks its value
/// against the setting's definition in <see cref="ConfigSettings"/>, so a value read here is one the validator accepts.
/// </summary>
public sealed class StageConfig
{
    private readonly ConfigLevel[] _levels; // most specific first
    private readonly string _file;

    internal StageConfig(string stage, string function, bool isDefined, ConfigLevel[] levels, string file)
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

    /// <summary><c>environment_variables</c>, merged across levels.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => Merge(ConfigSettings.EnvironmentVariables);

    /// <summary><c>tags</c>, merged across levels.</summary>
    public IReadOnlyDictionary<string, string> Tags => Merge(ConfigSettings.Tags);

    /// <summary><c>lambda_memory_size</c> in MB (Chalice's default 128).</summary>
    public int LambdaMemorySize => Read(ConfigSettings.LambdaMemorySize)?.GetValue<int>() ?? 128;

    /// <summary><c>lambda_timeout</c> in seconds (Chalice's default 60).</summary>
    public int LambdaTimeout => Read(ConfigSettings.LambdaTimeout)?.GetValue<int>() ?? 60;

    /// <summary><c>reserved_concurrency</c>, or null to leave the function unreserved.</summary>
    public int? ReservedConcurrency => Read(ConfigSettings.ReservedConcurrency)?.GetValue<int>();

    /// <summary><c>autogen_policy</c>: infer the IAM policy from the code (default true).</summary>
    public bool AutogenPolicy => Read(ConfigSettings.AutogenPolicy)?.GetValue<bool>() ?? true;

    /// <summary><c>iam_policy_file</c>, relative to <c>.chalice/</c>.</summary>
    public string? IamPolicyFile => Read(ConfigSettings.IamPolicyFile)?.GetValue<string>();

    /// <summary>
    /// <c>iam_policy_merge_file</c> (Chalice.Net only): statements merged into the generated policy, relative to
    /// <c>.chalice/</c>.
    /// </summary>
    public string? IamPolicyMergeFile => Read(ConfigSettings.IamPolicyMergeFile)?.GetValue<string>();

    /// <summary><c>manage_iam_role</c> (default true).</summary>
    public bool ManageIamRole => Read(ConfigSettings.ManageIamRole)?.GetValue<bool>() ?? true;

    /// <summary><c>iam_role_arn</c>: the role to use when the role is not managed.</summary>
    public string? IamRoleArn => Read(ConfigSettings.IamRoleArn)?.GetValue<string>();

    /// <summary><c>api_gateway_stage</c>: the API Gateway stage and URL prefix (default <c>api</c>).</summary>
    public string ApiGatewayStage => Read(ConfigSettings.ApiGatewayStage)?.GetValue<string>() ?? "api";

    /// <summary><c>api_gateway_endpoint_type</c>: <c>EDGE</c> (the default), <c>REGIONAL</c> or <c>PRIVATE</c>.</summary>
    public string ApiGatewayEndpointType => Read(ConfigSettings.ApiGatewayEndpointType)?.GetValue<string>() ?? "EDGE";

    /// <summary><c>api_gateway_endpoint_vpce</c>: the VPC endpoints a private API is reached through (a string or a list in the file).</summary>
    public IReadOnlyList<string> ApiGatewayEndpointVpce => Read(ConfigSettings.ApiGatewayEndpointVpce) switch
    {
        JsonArray list => [.. list.Select(item => item!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary><c>api_gateway_policy_file</c>: the REST API's resource policy, relative to <c>.chalice/</c>.</summary>
    public string? ApiGatewayPolicyFile => Read(ConfigSettings.ApiGatewayPolicyFile)?.GetValue<string>();

    /// <summary><c>minimum_compression_size</c> in bytes, or null to leave the API's responses uncompressed.</summary>
    public int? MinimumCompressionSize => Read(ConfigSettings.MinimumCompressionSize)?.GetValue<int>();

    /// <summary><c>api_gateway_custom_domain</c>: the custom domain the API is served under, or null.</summary>
    public CustomDomainConfig? ApiGatewayCustomDomain => Read(ConfigSettings.ApiGatewayCustomDomain) is JsonObject domain
        ? new CustomDomainConfig(
            domain["domain_name"]!.GetValue<string>(),
            domain["certificate_arn"]!.GetValue<string>(),
            domain["tls_version"]?.GetValue<string>(),
            domain["url_prefix"]?.GetValue<string>(),
            domain["tags"] is JsonObject tags ? tags.ToDictionary(t => t.Key, t => t.Value!.GetValue<string>()) : new Dictionary<string, string>())
        : null;

    /// <summary><c>subnet_ids</c>: the function's VPC subnets (with <see cref="SecurityGroupIds"/>).</summary>
    public IReadOnlyList<string> SubnetIds => Strings(ConfigSettings.SubnetIds);

    /// <summary><c>security_group_ids</c>: the function's VPC security groups (with <see cref="SubnetIds"/>).</summary>
    public IReadOnlyList<string> SecurityGroupIds => Strings(ConfigSettings.SecurityGroupIds);

    /// <summary>Whether the function runs in a VPC: both <c>subnet_ids</c> and <c>security_group_ids</c> are set, as Chalice requires.</summary>
    public bool HasVpcConfig => SubnetIds.Count > 0 && SecurityGroupIds.Count > 0;

    /// <summary><c>layers</c>: the ARNs of the function's Lambda layers, in order.</summary>
    public IReadOnlyList<string> Layers => Strings(ConfigSettings.Layers);

    /// <summary><c>xray</c>: X-Ray active tracing for the function and the API's stage (default false).</summary>
    public bool Xray => Read(ConfigSettings.Xray)?.GetValue<bool>() ?? false;

    /// <summary>
    /// <c>lambda_ephemeral_storage</c> (Chalice.Net only): the function's <c>/tmp</c> in MB, or null for Lambda's
    /// default (512).
    /// </summary>
    public int? LambdaEphemeralStorage => Read(ConfigSettings.LambdaEphemeralStorage)?.GetValue<int>();

    /// <summary>
    /// <c>log_retention_in_days</c>: the function's log group (<c>/aws/lambda/{function}</c>) is created with this
    /// retention; null leaves the group to Lambda, which keeps logs forever.
    /// </summary>
    public int? LogRetentionInDays => Read(ConfigSettings.LogRetentionInDays)?.GetValue<int>();

    /// <summary>
    /// <c>api_gateway_type</c> (Chalice.Net only): the kind of API the stage deploys and the emulator serves
    /// (default <see cref="ApiKind.Rest"/>, Chalice's REST API).
    /// </summary>
    public ApiKind ApiGatewayType =>
        Read(ConfigSettings.ApiGatewayType)?.GetValue<string>() is { } name && ApiKinds.TryParse(name, out var kind) ? kind : ApiKind.Rest;

    /// <summary>
    /// <c>lambda_runtime</c> (Chalice.Net only): <c>provided.al2023</c> (the default: a Native AOT <c>bootstrap</c>) or
    /// <c>dotnet10</c> (the managed runtime, framework-dependent).
    /// </summary>
    public string LambdaRuntime => Read(ConfigSettings.LambdaRuntime)?.GetValue<string>() ?? "provided.al2023";

    /// <summary><c>lambda_architecture</c> (Chalice.Net only): <c>x86_64</c> (the default) or <c>arm64</c>.</summary>
    public string LambdaArchitecture => Read(ConfigSettings.LambdaArchitecture)?.GetValue<string>() ?? "x86_64";

    /// <summary><c>local_aws</c> (Chalice.Net only): serve local stand-ins for AWS services in the emulator (default true).</summary>
    public bool LocalAws => Read(ConfigSettings.LocalAws)?.GetValue<bool>() ?? true;

    /// <summary>
    /// <c>local_s3_buckets</c> (Chalice.Net only): the S3 buckets that exist on AWS for the app, which the emulator's
    /// S3 stand-in creates; any other bucket answers <c>NoSuchBucket</c> until the app creates it.
    /// </summary>
    public IReadOnlyList<string> LocalS3Buckets => Strings(ConfigSettings.LocalS3Buckets);

    /// <summary><c>local_sqs_queues</c> (Chalice.Net only): the SQS queues that exist on AWS, which the SQS stand-in creates.</summary>
    public IReadOnlyList<string> LocalSqsQueues => Strings(ConfigSettings.LocalSqsQueues);

    /// <summary><c>local_sns_topics</c> (Chalice.Net only): the SNS topics that exist on AWS, which the SNS stand-in creates.</summary>
    public IReadOnlyList<string> LocalSnsTopics => Strings(ConfigSettings.LocalSnsTopics);

    /// <summary>
    /// <c>local_authorizers</c> (Chalice.Net only): what the emulator does with a route whose authorizer cannot run
    /// locally (not one of the app's <c>[Authorizer]</c> methods). <c>enforce</c> (the default) denies its requests;
    /// <c>allow</c> serves them without the authorizer, logging a warning for each.
    /// </summary>
    public string LocalAuthorizers => Read(ConfigSettings.LocalAuthorizers)?.GetValue<string>() ?? "enforce";

    /// <summary>
    /// <c>api_keys</c> (Chalice.Net only): the API keys a deploy creates for the routes with <c>ApiKeyRequired</c>, and
    /// the emulator accepts.
    /// </summary>
    public IReadOnlyList<ApiKeyConfig> ApiKeys => ApiKeySettings.ReadApiKeys(Read(ConfigSettings.ApiKeys));

    /// <summary>
    /// <c>usage_plan</c> (Chalice.Net only): the throttle and quota of the plan that binds <see cref="ApiKeys"/> to the
    /// stage; null when not set (a stage with keys still gets a plan, without limits).
    /// </summary>
    public UsagePlanConfig? UsagePlan => ApiKeySettings.ReadUsagePlan(Read(ConfigSettings.UsagePlan));

    /// <summary>The raw value of a setting, looked up with Chalice's precedence; null when absent.</summary>
    public JsonNode? Get(string key)
    {
        foreach (var level in _levels)
        {
            if (level.Node?[key] is { } value)
                return value;
        }
        return null;
    }

    /// <summary>The most specific value of a known setting, checked against its definition.</summary>
    /// <exception cref="ChaliceConfigException">The value is not one the setting takes.</exception>
    private JsonNode? Read(ConfigSetting setting)
    {
        foreach (var level in _levels)
        {
            if (level.Read(setting, _file) is { } value)
                return value;
        }
        return null;
    }

    private string[] Strings(ConfigSetting setting) =>
        Read(setting) is JsonArray list ? [.. list.Select(item => item!.GetValue<string>())] : [];

    private Dictionary<string, string> Merge(ConfigSetting setting)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = _levels.Length - 1; i >= 0; i--)
        {
            if (_levels[i].Read(setting, _file) is JsonObject map)
            {
                foreach (var (name, value) in map)
                    merged[name] = value!.GetValue<string>();
            }
        }
        return merged;
    }
}
