namespace Chalice.Configuration;

/// <summary>
/// Every key of <c>.chalice/config.json</c> Chalice.Net knows, with its values, limits and places: the one list the
/// validator, the typed accessors of <see cref="StageConfig"/> and the messages about unknown keys all read. A key not
/// here is either one of Chalice's that Chalice.Net does not honour yet (<see cref="NotSupportedYet"/>), which is an
/// error rather than a deploy of something different, or unknown (a typo, most likely).
/// </summary>
internal static class ConfigSettings
{
    // Lambda's limits: "Function memory allocation: 128 MB to 10,240 MB", "Function timeout: 900 seconds (15 minutes)"
    // (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html); ReservedConcurrentExecutions has
    // "min": 0 and environment variable names the pattern below in Lambda's API model
    // (shared/fixtures/aws-models/lambda/2015-03-31/service-2.json, shapes ReservedConcurrentExecutions and
    // EnvironmentVariableName). The pattern wants two characters at least, and Lambda enforces it: a deploy with a
    // variable named "a" fails with "Map keys must satisfy constraint: [Member must satisfy regular expression pattern:
    // [a-zA-Z]([a-zA-Z0-9_])+]" (https://github.com/trek10inc/serverless-secrets/issues/39).
    private const string LambdaVariableName = "[a-zA-Z]([a-zA-Z0-9_])+";

    public static ConfigSetting Version { get; } = new("version", ConfigValue.OneOf("1.0", "2.0"), ConfigScope.TopLevel);
    public static ConfigSetting AppName { get; } = new("app_name", ConfigValue.String, ConfigScope.TopLevel);
    public static ConfigSetting Stages { get; } = new("stages", ConfigValue.Sections, ConfigScope.TopLevel);
    public static ConfigSetting LambdaFunctions { get; } = new("lambda_functions", ConfigValue.Sections, ConfigScope.TopLevel | ConfigScope.Stage);

    public static ConfigSetting EnvironmentVariables { get; } =
        new("environment_variables", ConfigValue.StringMap(LambdaVariableName, "Lambda's rule for variable names"), ConfigScope.Everywhere);
    public static ConfigSetting Tags { get; } = new("tags", ConfigValue.StringMap(), ConfigScope.Everywhere);
    public static ConfigSetting LambdaMemorySize { get; } = new("lambda_memory_size", ConfigValue.Integer(128, 10240, "MB"), ConfigScope.Everywhere);
    public static ConfigSetting LambdaTimeout { get; } = new("lambda_timeout", ConfigValue.Integer(1, 900, "seconds"), ConfigScope.Everywhere);
    public static ConfigSetting ReservedConcurrency { get; } = new("reserved_concurrency", ConfigValue.Integer(0), ConfigScope.Everywhere);
    public static ConfigSetting AutogenPolicy { get; } = new("autogen_policy", ConfigValue.Boolean, ConfigScope.Everywhere);
    public static ConfigSetting IamPolicyFile { get; } = new("iam_policy_file", ConfigValue.String, ConfigScope.Everywhere);
    public static ConfigSetting ManageIamRole { get; } = new("manage_iam_role", ConfigValue.Boolean, ConfigScope.Everywhere);
    public static ConfigSetting IamRoleArn { get; } = new("iam_role_arn", ConfigValue.String, ConfigScope.Everywhere);
    public static ConfigSetting ApiGatewayStage { get; } = new("api_gateway_stage", ConfigValue.String, ConfigScope.TopLevel | ConfigScope.Stage);

    // Chalice has no such key (aws/chalice#1321 asks for HTTP APIs); named in its style, with the emulator's --api values.
    public static ConfigSetting ApiGatewayType { get; } =
        new("api_gateway_type", ConfigValue.OneOf([.. ApiKinds.Names]), ConfigScope.TopLevel | ConfigScope.Stage);

    // The REST API's settings, per stage as in Chalice's config.py (_chain_lookup with varies_per_chalice_stage only).
    public static ConfigSetting ApiGatewayEndpointType { get; } =
        new("api_gateway_endpoint_type", ConfigValue.OneOf("EDGE", "REGIONAL", "PRIVATE"), ConfigScope.TopLevel | ConfigScope.Stage);
    // "This value can be a list or a string of endpoint ids" (chalice docs/source/topics/configfile.rst).
    public static ConfigSetting ApiGatewayEndpointVpce { get; } =
        new("api_gateway_endpoint_vpce", ConfigValue.StringOrStringList, ConfigScope.TopLevel | ConfigScope.Stage);
    public static ConfigSetting ApiGatewayPolicyFile { get; } = new("api_gateway_policy_file", ConfigValue.String, ConfigScope.TopLevel | ConfigScope.Stage);
    // Chalice's MIN_COMPRESSION_SIZE and MAX_COMPRESSION_SIZE (chalice/constants.py), API Gateway's limits for
    // minimumCompressionSize ("between 0 and 10485760 (10M) bytes",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gzip-compression-decompression.html).
    public static ConfigSetting MinimumCompressionSize { get; } =
        new("minimum_compression_size", ConfigValue.Integer(0, 10485760, "bytes"), ConfigScope.TopLevel | ConfigScope.Stage);

    // Chalice's fields (docs/source/topics/configfile.rst, custom-domain-config-options); its TLS_1_1 is not one of
    // API Gateway's SecurityPolicy values (TLS_1_0, TLS_1_2 in shared/fixtures/aws-models/apigateway and apigatewayv2).
    public static ConfigSetting ApiGatewayCustomDomain { get; } = new("api_gateway_custom_domain", ConfigValue.Object(
        [
            ("domain_name", ConfigValue.String), ("certificate_arn", ConfigValue.String), ("tls_version", ConfigValue.OneOf("TLS_1_0", "TLS_1_2")),
            ("url_prefix", ConfigValue.String), ("tags", ConfigValue.StringMap()),
        ], "domain_name", "certificate_arn"), ConfigScope.TopLevel | ConfigScope.Stage);

    // Each function's settings (Chalice's config.py: varies_per_chalice_stage and varies_per_function).
    public static ConfigSetting SubnetIds { get; } = new("subnet_ids", ConfigValue.StringList, ConfigScope.Everywhere);
    public static ConfigSetting SecurityGroupIds { get; } = new("security_group_ids", ConfigValue.StringList, ConfigScope.Everywhere);
    public static ConfigSetting Layers { get; } = new("layers", ConfigValue.StringList, ConfigScope.Everywhere);
    public static ConfigSetting Xray { get; } = new("xray", ConfigValue.Boolean, ConfigScope.Everywhere);

    // Chalice.Net's own settings.
    public static ConfigSetting IamPolicyMergeFile { get; } = new("iam_policy_merge_file", ConfigValue.String, ConfigScope.Everywhere);
    public static ConfigSetting LambdaRuntime { get; } = new("lambda_runtime", ConfigValue.OneOf("provided.al2023", "dotnet10"), ConfigScope.Everywhere);
    public static ConfigSetting LambdaArchitecture { get; } = new("lambda_architecture", ConfigValue.OneOf("x86_64", "arm64"), ConfigScope.Everywhere);
    public static ConfigSetting LocalAws { get; } = new("local_aws", ConfigValue.Boolean, ConfigScope.TopLevel | ConfigScope.Stage);
    public static ConfigSetting LocalS3Buckets { get; } = new("local_s3_buckets", ConfigValue.StringList, ConfigScope.TopLevel | ConfigScope.Stage);
    public static ConfigSetting LocalSqsQueues { get; } = new("local_sqs_queues", ConfigValue.StringList, ConfigScope.TopLevel | ConfigScope.Stage);
    public static ConfigSetting LocalSnsTopics { get; } = new("local_sns_topics", ConfigValue.StringList, ConfigScope.TopLevel | ConfigScope.Stage);
    public static ConfigSetting LocalAuthorizers { get; } = new("local_authorizers", ConfigValue.OneOf("enforce", "allow"), ConfigScope.TopLevel | ConfigScope.Stage);
    // API keys and the usage plan that binds them to the stage's REST API (docs/deploy.md, "API keys").
    public static ConfigSetting ApiKeys { get; } = new("api_keys", new ApiKeySettings.ApiKeysValue(), ConfigScope.TopLevel | ConfigScope.Stage);
    public static ConfigSetting UsagePlan { get; } = new("usage_plan", new ApiKeySettings.UsagePlanValue(), ConfigScope.TopLevel | ConfigScope.Stage);
    // Lambda's EphemeralStorage.Size: "min": 512, "max": 10240 (shared/fixtures/aws-models/lambda/2015-03-31/service-2.json).
    public static ConfigSetting LambdaEphemeralStorage { get; } =
        new("lambda_ephemeral_storage", ConfigValue.Integer(512, 10240, "MB"), ConfigScope.Everywhere);

    // Per stage and function, as Chalice's config.py (varies_per_chalice_stage and varies_per_function). The values
    // CloudWatch Logs accepts: the Days shape of its API model (shared/fixtures/aws-models/logs/2014-03-28/service-2.json,
    // "Possible values are: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, and 3653").
    public static ConfigSetting LogRetentionInDays { get; } = new("log_retention_in_days",
        ConfigValue.OneOfIntegers([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], "days"),
        ConfigScope.Everywhere);

    /// <summary>Every setting Chalice.Net honours.</summary>
    public static IReadOnlyList<ConfigSetting> All { get; } =
    [
        Version, AppName, Stages, LambdaFunctions, EnvironmentVariables, Tags, LambdaMemorySize, LambdaTimeout,
        ReservedConcurrency, AutogenPolicy, IamPolicyFile, ManageIamRole, IamRoleArn, ApiGatewayStage, ApiGatewayType,
        ApiGatewayEndpointType, ApiGatewayEndpointVpce, ApiGatewayPolicyFile, MinimumCompressionSize, ApiGatewayCustomDomain, SubnetIds,
        SecurityGroupIds, Layers, Xray,
        IamPolicyMergeFile, LambdaRuntime, LambdaArchitecture, LocalAws, LocalS3Buckets, LocalSqsQueues, LocalSnsTopics,
        LocalAuthorizers, LambdaEphemeralStorage, ApiKeys, UsagePlan, LogRetentionInDays,
    ];

    /// <summary>
    /// Chalice's settings that Chalice.Net does not honour yet (Chalice's docs/source/topics/configfile.rst). Deploying without one of them would
    /// deploy something other than what the file asks for (a public API instead of a private one, a function outside
    /// its VPC), so they are refused, never skipped.
    /// </summary>
    public static IReadOnlySet<string> NotSupportedYet { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "websocket_api_custom_domain", "automatic_layer",
    };

    private static readonly Dictionary<string, ConfigSetting> s_byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The setting named <paramref name="name"/>, or null.</summary>
    public static ConfigSetting? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>Every key a user might have meant: the honoured ones and Chalice's others.</summary>
    public static IEnumerable<string> KnownNames => All.Select(s => s.Name).Concat(NotSupportedYet);
}
