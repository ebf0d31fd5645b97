using Chalice.Configuration;

namespace Chalice.Project.Tests;

/// <summary>
/// <c>.chalice/config.json</c> checked before anything builds: every key known with its type, limits and places (issue
/// 19's rule), one line per mistake naming the file and the key.
/// </summary>
public sealed class ConfigValidationTests
{
    private const string File = "app/.chalice/config.json";

    private static IReadOnlyList<ConfigProblem> Problems(string json, string stage = "dev") => ChaliceConfig.Parse(json, File).Validate(stage);

    private static string Line(string json, string stage = "dev") => Assert.Single(Problems(json, stage)).ToString();

    [Fact]
    public void Every_setting_Chalice_Net_honours_passes_at_the_places_Chalice_allows_it()
    {
        var problems = Problems("""
            {
              "version": "2.0",
              "app_name": "shop",
              "environment_variables": { "TABLE": "orders", "LOG_LEVEL": "debug" },
              "tags": { "team": "core" },
              "lambda_memory_size": 10240,
              "lambda_timeout": 900,
              "reserved_concurrency": 0,
              "autogen_policy": true,
              "iam_policy_file": "policy.json",
              "iam_policy_merge_file": "extra.json",
              "manage_iam_role": true,
              "api_gateway_stage": "api",
              "lambda_runtime": "dotnet10",
              "lambda_architecture": "arm64",
              "local_aws": true,
              "local_s3_buckets": ["uploads", "reports"],
              "api_gateway_endpoint_type": "REGIONAL",
              "minimum_compression_size": 0,
              "xray": true,
              "layers": ["arn:aws:lambda:us-east-1:123456789012:layer:x:1"],
              "lambda_ephemeral_storage": 10240,
              "log_retention_in_days": 3653,
              "lambda_functions": { "api_handler": { "log_retention_in_days": 1, "lambda_memory_size": 128, "lambda_timeout": 1, "tags": { "fn": "api" },
                "subnet_ids": ["subnet-1"], "security_group_ids": ["sg-1"], "layers": [], "xray": false, "lambda_ephemeral_storage": 512 } },
              "stages": {
                "dev": {
                  "api_gateway_stage": "v1",
                  "api_gateway_endpoint_type": "PRIVATE",
                  "api_gateway_endpoint_vpce": ["vpce-1", "vpce-2"],
                  "api_gateway_custom_domain": { "domain_name": "api.example.com", "certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/1",
                                                 "tls_version": "TLS_1_2", "url_prefix": "v1", "tags": { "team": "core" } },
                  "minimum_compression_size": 10485760,
                  "subnet_ids": ["subnet-2"],
                  "security_group_ids": ["sg-2"],
                  "local_s3_buckets": ["dev-uploads"],
                  "manage_iam_role": false,
                  "iam_role_arn": "arn:aws:iam::123456789012:role/dev",
                  "lambda_functions": { "api_handler": { "environment_variables": { "MODE": "dev" }, "iam_policy_file": "dev.json" } }
                }
              }
            }
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_naming_the_file_the_place_and_the_key_it_was_meant_to_be()
    {
        var problem = Assert.Single(Problems("""{ "stages": { "dev": { "lambda_timout": 30 } } }"""));

        Assert.Equal(ConfigProblemKind.UnknownSetting, problem.Kind);
        Assert.Equal($"{File}: unknown setting \"lambda_timout\" in stages.dev; did you mean \"lambda_timeout\"?", problem.ToString());
        Assert.True(problem.IsError(ignoreUnknownSettings: false));
        Assert.False(problem.IsError(ignoreUnknownSettings: true));
    }

    [Theory]
    [InlineData("""{ "app_nmae": "shop" }""", "unknown setting \"app_nmae\"; did you mean \"app_name\"?")]
    [InlineData("""{ "Tags": { "a": "b" } }""", "unknown setting \"Tags\"; did you mean \"tags\"?")]
    [InlineData("""{ "lambda_functions": { "api_handler": { "memory": 512 } } }""", "unknown setting \"memory\" in lambda_functions.api_handler")]
    [InlineData("""{ "subnet_id": ["subnet-1"] }""", "unknown setting \"subnet_id\"; did you mean \"subnet_ids\"?")]
    public void Unknown_keys_are_suggested_a_known_one_only_when_one_is_close(string json, string message) =>
        Assert.Equal($"{File}: {message}", Line(json));

    // Chalice's fields of api_gateway_custom_domain (https://aws.github.io/chalice/topics/domainname.html): domain_name
    // and certificate_arn required; tls_version one of API Gateway's SecurityPolicy values (its model's enum).
    private const string Fields = "an object with domain_name, certificate_arn, tls_version, url_prefix, tags";

    [Theory]
    [InlineData("""{ "domain_name": "api.example.com" }""", "but \"certificate_arn\" is missing")]
    [InlineData("""{ "domian_name": "api.example.com", "domain_name": "a", "certificate_arn": "c" }""",
        "but \"domian_name\" is not one of them (did you mean \"domain_name\"?)")]
    [InlineData("""{ "domain_name": "a", "certificate_arn": "c", "tls_version": "TLS_1_1" }""",
        "but \"tls_version\" must be \"TLS_1_0\" or \"TLS_1_2\", not \"TLS_1_1\"")]
    [InlineData("""{ "domain_name": "a", "certificate_arn": "c", "tags": { "team": 1 } }""", "but \"tags\" must be an object of strings, but \"team\" is 1")]
    [InlineData("\"api.example.com\"", "not \"api.example.com\"")]
    public void A_custom_domain_field_missing_misspelt_or_of_the_wrong_type_is_one_line(string value, string fault) =>
        Assert.Equal($$"""{{File}}: "api_gateway_custom_domain" in stages.dev must be {{Fields}}, {{fault}}""",
            Line($$"""{ "stages": { "dev": { "api_gateway_custom_domain": {{value}} } } }"""));

    [Fact]
    public void A_custom_domain_is_read_with_its_defaults()
    {
        var domain = ChaliceConfig.Parse("""
            { "api_gateway_custom_domain": { "domain_name": "api.example.com", "certificate_arn": "arn:c" } }
            """, File).ForStage("dev").ApiGatewayCustomDomain!;

        Assert.Equal(("api.example.com", "arn:c", null, null), (domain.DomainName, domain.CertificateArn, domain.TlsVersion, domain.UrlPrefix));
        Assert.Empty(domain.Tags);
    }

    [Theory]
    [InlineData("websocket_api_custom_domain", """{ "domain_name": "ws.example.com" }""")]
    [InlineData("automatic_layer", "true")]
    public void A_Chalice_setting_Chalice_Net_does_not_honour_yet_is_refused_rather_than_deployed_without(string key, string value)
    {
        var problem = Assert.Single(Problems($$"""{ "stages": { "dev": { "{{key}}": {{value}} } } }"""));

        Assert.Equal(ConfigProblemKind.NotSupportedYet, problem.Kind);
        Assert.Equal(
            $"{File}: \"{key}\" in stages.dev is a Chalice setting that Chalice.Net does not support yet; remove it " +
            "(a deploy without it would not be what the file asks for)",
            problem.ToString());
        Assert.True(problem.IsError(ignoreUnknownSettings: true));
    }

    // Limits: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (memory 128-10,240 MB, timeout
    // 900 s); reserved concurrency and variable names: shared/fixtures/aws-models/lambda/2015-03-31/service-2.json.
    [Theory]
    [InlineData("""{ "lambda_memory_size": 64 }""", "\"lambda_memory_size\" must be an integer from 128 to 10240 (MB), not 64")]
    [InlineData("""{ "lambda_memory_size": 10241 }""", "\"lambda_memory_size\" must be an integer from 128 to 10240 (MB), not 10241")]
    [InlineData("""{ "lambda_memory_size": 512.5 }""", "\"lambda_memory_size\" must be an integer from 128 to 10240 (MB), not 512.5")]
    [InlineData("""{ "stages": { "dev": { "lambda_timeout": 0 } } }""", "\"lambda_timeout\" in stages.dev must be an integer from 1 to 900 (seconds), not 0")]
    [InlineData("""{ "lambda_timeout": 901 }""", "\"lambda_timeout\" must be an integer from 1 to 900 (seconds), not 901")]
    [InlineData("""{ "lambda_timeout": "60" }""", "\"lambda_timeout\" must be an integer from 1 to 900 (seconds), not \"60\"")]
    [InlineData("""{ "reserved_concurrency": -1 }""", "\"reserved_concurrency\" must be an integer of at least 0, not -1")]
    [InlineData("""{ "autogen_policy": "false" }""", "\"autogen_policy\" must be true or false, not \"false\"")]
    [InlineData("""{ "app_name": 7 }""", "\"app_name\" must be a string, not 7")]
    [InlineData("""{ "version": "3.0" }""", "\"version\" must be \"1.0\" or \"2.0\", not \"3.0\"")]
    [InlineData("""{ "lambda_architecture": "aarch64" }""", "\"lambda_architecture\" must be \"x86_64\" or \"arm64\", not \"aarch64\"")]
    [InlineData("""{ "api_gateway_type": "HTTP" }""", "\"api_gateway_type\" must be \"rest\" or \"http\" or \"http-v1\", not \"HTTP\"")]
    [InlineData("""{ "tags": ["team"] }""", "\"tags\" must be an object of strings, not [\"team\"]")]
    [InlineData("""{ "environment_variables": { "PORT": 8080 } }""", "\"environment_variables\" must be an object of strings, but \"PORT\" is 8080")]
    [InlineData("""{ "environment_variables": { "table-name": "x" } }""",
        "\"environment_variables\" must be an object whose names match [a-zA-Z]([a-zA-Z0-9_])+ (Lambda's rule for variable names), but \"table-name\" does not")]
    [InlineData("""{ "environment_variables": { "X": "one letter" } }""",
        "\"environment_variables\" must be an object whose names match [a-zA-Z]([a-zA-Z0-9_])+ (Lambda's rule for variable names), but \"X\" does not")]
    [InlineData("""{ "local_s3_buckets": "uploads" }""", "\"local_s3_buckets\" must be a list of strings, not \"uploads\"")]
    [InlineData("""{ "stages": { "dev": [] } }""", "\"stages\" must be an object of objects, not {\"dev\":[]}")]
    // Chalice's values: endpoint types (chalice/deploy/validate.py, validate_endpoint_type), compression limits
    // (chalice/constants.py); EphemeralStorage's Size "min": 512, "max": 10240 in the Lambda model.
    [InlineData("""{ "api_gateway_endpoint_type": "edge" }""", "\"api_gateway_endpoint_type\" must be \"EDGE\" or \"REGIONAL\" or \"PRIVATE\", not \"edge\"")]
    [InlineData("""{ "minimum_compression_size": 10485761 }""", "\"minimum_compression_size\" must be an integer from 0 to 10485760 (bytes), not 10485761")]
    [InlineData("""{ "minimum_compression_size": -1 }""", "\"minimum_compression_size\" must be an integer from 0 to 10485760 (bytes), not -1")]
    [InlineData("""{ "lambda_ephemeral_storage": 256 }""", "\"lambda_ephemeral_storage\" must be an integer from 512 to 10240 (MB), not 256")]
    // CloudWatch Logs' Days: "Possible values are: 1, 3, 5, …, 3653" (shared/fixtures/aws-models/logs/2014-03-28/service-2.json).
    [InlineData("""{ "log_retention_in_days": 15 }""",
        "\"log_retention_in_days\" must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (days), not 15")]
    [InlineData("""{ "log_retention_in_days": "14" }""",
        "\"log_retention_in_days\" must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (days), not \"14\"")]
    [InlineData("""{ "xray": "yes" }""", "\"xray\" must be true or false, not \"yes\"")]
    [InlineData("""{ "layers": "arn:aws:lambda:us-east-1:1:layer:x:1" }""", "\"layers\" must be a list of strings, not \"arn:aws:lambda:us-east-1:1:layer:x:1\"")]
    [InlineData("""{ "subnet_ids": [1], "security_group_ids": ["sg-1"] }""", "\"subnet_ids\" must be a list of strings, not [1]")]
    [InlineData("""{ "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": 5 }""", "\"api_gateway_endpoint_vpce\" must be a string or a list of strings, not 5")]
    public void Values_of_the_wrong_type_or_beyond_Lambdas_limits_are_errors_naming_the_key_and_the_limits(string json, string message)
    {
        var problem = Assert.Single(Problems(json));

        Assert.Equal(ConfigProblemKind.InvalidValue, problem.Kind);
        Assert.Equal($"{File}: {message}", problem.ToString());
    }

    // Chalice's rules: a VPC needs both lists (chalice/deploy/appgraph.py, _get_vpc_params); a private API needs VPC
    // endpoints or a policy file, not both, and VPC endpoints need a private API (chalice/deploy/validate.py,
    // validate_resource_policy).
    [Theory]
    [InlineData("""{ "subnet_ids": ["subnet-1"] }""",
        "\"subnet_ids\" is set for function api_handler of stage dev without \"security_group_ids\"; a function in a VPC needs both")]
    [InlineData("""{ "lambda_functions": { "resize": { "security_group_ids": ["sg-1"] } } }""",
        "\"security_group_ids\" is set for function resize of stage dev without \"subnet_ids\"; a function in a VPC needs both")]
    [InlineData("""{ "api_gateway_endpoint_type": "PRIVATE" }""",
        "stage dev: a PRIVATE API needs \"api_gateway_endpoint_vpce\" or \"api_gateway_policy_file\" (who may call it)")]
    [InlineData("""{ "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": "vpce-1", "api_gateway_policy_file": "p.json" }""",
        "stage dev: give one of \"api_gateway_policy_file\" and \"api_gateway_endpoint_vpce\", not both")]
    [InlineData("""{ "api_gateway_endpoint_type": "REGIONAL", "api_gateway_endpoint_vpce": "vpce-1" }""",
        "stage dev: \"api_gateway_endpoint_vpce\" applies only to a PRIVATE \"api_gateway_endpoint_type\"")]
    public void Settings_that_cannot_work_together_are_one_error_each(string json, string message)
    {
        var problem = Assert.Single(Problems(json));

        Assert.Equal(ConfigProblemKind.Inconsistent, problem.Kind);
        Assert.Equal($"{File}: {message}", problem.ToString());
    }

    [Theory]
    [InlineData("""{ "stages": { "dev": { "app_name": "other" } } }""", "\"app_name\" in stages.dev can be set only at the top level")]
    [InlineData("""{ "lambda_functions": { "api_handler": { "api_gateway_stage": "v2" } } }""",
        "\"api_gateway_stage\" in lambda_functions.api_handler can be set only at the top level or in a stage, not per function")]
    [InlineData("""{ "lambda_functions": { "api_handler": { "api_gateway_type": "http" } } }""",
        "\"api_gateway_type\" in lambda_functions.api_handler can be set only at the top level or in a stage, not per function")]
    [InlineData("""{ "stages": { "dev": { "stages": {} } } }""", "\"stages\" in stages.dev can be set only at the top level")]
    public void A_setting_where_it_means_nothing_is_an_error_saying_where_it_belongs(string json, string message)
    {
        var problem = Assert.Single(Problems(json));

        Assert.Equal(ConfigProblemKind.MisplacedSetting, problem.Kind);
        Assert.Equal($"{File}: {message}", problem.ToString());
    }

    [Fact]
    public void Every_mistake_is_its_own_line()
    {
        var problems = Problems("""{ "lambda_memory_size": 1, "stages": { "dev": { "automatic_layer": true, "lambda_timout": 3 } } }""");

        Assert.Equal([ConfigProblemKind.InvalidValue, ConfigProblemKind.NotSupportedYet, ConfigProblemKind.UnknownSetting], problems.Select(p => p.Kind));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p.ToString()));
    }

    [Fact]
    public void Only_what_applies_to_the_stage_is_checked_so_one_stage_never_blocks_another()
    {
        const string json = """{ "stages": { "dev": {}, "prod": { "automatic_layer": true, "lambda_timout": 3 } } }""";

        Assert.Empty(Problems(json, "dev"));
        Assert.Equal(2, Problems(json, "prod").Count);
    }

    [Fact]
    public void A_stage_the_file_does_not_define_is_a_warning_naming_the_stages_it_does()
    {
        var problem = Assert.Single(Problems("""{ "stages": { "dev": {}, "prod": {} } }""", "prdo"));

        Assert.Equal(ConfigProblemKind.UndefinedStage, problem.Kind);
        Assert.Equal($"{File}: stage \"prdo\" is not defined (its stages: dev, prod); the top-level settings apply", problem.ToString());
        Assert.False(problem.IsError(ignoreUnknownSettings: false));
        Assert.Contains("the file defines no stages", Line("{}", "prod"), StringComparison.Ordinal);
        Assert.Empty(Problems("{}", "dev")); // what every new app starts as
    }

    [Fact]
    public void A_role_that_is_not_managed_must_be_named()
    {
        var problem = Assert.Single(Problems("""{ "stages": { "prod": { "manage_iam_role": false } } }""", "prod"));

        Assert.Equal(ConfigProblemKind.Inconsistent, problem.Kind);
        Assert.Equal($"{File}: \"manage_iam_role\" is false for stage prod, so \"iam_role_arn\" must name the role the function runs as", problem.ToString());
    }

    [Fact]
    public void A_key_written_twice_is_a_mistake_not_a_choice()
    {
        var error = Assert.Throws<ChaliceConfigException>(() => ChaliceConfig.Parse("""{ "lambda_timeout": 30, "lambda_timeout": 60 }""", File));

        Assert.Equal($"{File} is not valid JSON: Duplicate property 'lambda_timeout' encountered during deserialization.", error.Message);
    }

    [Fact]
    public void An_app_without_a_config_file_has_nothing_to_report()
    {
        Assert.Empty(ChaliceConfig.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).Validate("prod"));
    }

    [Theory]
    [InlineData("lambda_timout", "lambda_timeout")]
    [InlineData("lamda_memory_size", "lambda_memory_size")]
    [InlineData("enviroment_variables", "environment_variables")]
    [InlineData("reserved_concurency", "reserved_concurrency")]
    [InlineData("iam_polciy_file", "iam_policy_file")]
    [InlineData("colour", null)]
    [InlineData("name", null)]
    public void The_nearest_known_name_is_offered_only_for_a_likely_typo(string typo, string? expected) =>
        Assert.Equal(expected, NearestName.Find(typo, ConfigSettings.KnownNames));

    [Fact]
    public void Local_authorizers_takes_enforce_or_allow_and_defaults_to_enforce()
    {
        Assert.Empty(Problems("""{ "local_authorizers": "allow", "stages": { "dev": { "local_authorizers": "enforce" } } }"""));
        Assert.Contains("\"local_authorizers\"", Line("""{ "local_authorizers": "yes" }"""));
        Assert.Equal("enforce", ChaliceConfig.Parse("{}", File).ForStage("dev").LocalAuthorizers);
        Assert.Equal("allow", ChaliceConfig.Parse("""{ "stages": { "dev": { "local_authorizers": "allow" } } }""", File).ForStage("dev").LocalAuthorizers);
    }
}
