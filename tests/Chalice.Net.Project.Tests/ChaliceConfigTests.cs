using Chalice.Configuration;

namespace Chalice.Project.Tests;

public sealed class ChaliceConfigTests
{
    private const string Config = """
        {
          // Comments and trailing commas are accepted, as editors write them.
          "app_name": "shop",
          "environment_variables": { "AA": "top", "BB": "top" },
          "tags": { "team": "core" },
          "lambda_memory_size": 256,
          "lambda_functions": { "api_handler": { "lambda_timeout": 30, "environment_variables": { "BB": "fn", "CC": "fn" } } },
          "stages": {
            "dev": {
              "api_gateway_stage": "v1",
              "environment_variables": { "CC": "stage", "DD": "stage" },
              "lambda_functions": { "api_handler": { "lambda_memory_size": 1024, "environment_variables": { "DD": "stage-fn" } } }
            },
            "prod": { "autogen_policy": false, "iam_policy_file": "prod.json", "local_aws": false, "tags": { "env": "prod" } },
          },
        }
        """;

    [Fact]
    public void Scalars_follow_chalices_precedence()
    {
        var config = ChaliceConfig.Parse(Config);
        Assert.Equal("shop", config.AppName);
        Assert.Equal(["dev", "prod"], config.StageNames);

        var dev = config.ForStage("dev");
        Assert.Equal(1024, dev.LambdaMemorySize);   // stage + function beats everything
        Assert.Equal(30, dev.LambdaTimeout);        // top-level function beats the top level
        Assert.Equal("v1", dev.ApiGatewayStage);
        Assert.True(dev.AutogenPolicy);

        var prod = config.ForStage("prod");
        Assert.Equal(256, prod.LambdaMemorySize);
        Assert.Equal("api", prod.ApiGatewayStage);
        Assert.False(prod.AutogenPolicy);
        Assert.Equal("prod.json", prod.IamPolicyFile);
        Assert.False(prod.LocalAws);
    }

    [Fact]
    public void Dictionaries_merge_with_the_most_specific_level_winning_per_key()
    {
        var dev = ChaliceConfig.Parse(Config).ForStage("dev");
        Assert.Equal(
            new Dictionary<string, string> { ["AA"] = "top", ["BB"] = "fn", ["CC"] = "stage", ["DD"] = "stage-fn" },
            dev.EnvironmentVariables);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "core", ["env"] = "prod" },
            ChaliceConfig.Parse(Config).ForStage("prod").Tags);
    }

    [Fact]
    public void Missing_file_and_undefined_stage_give_chalices_defaults()
    {
        var stage = ChaliceConfig.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString())).ForStage();
        Assert.Equal("dev", stage.Stage);
        Assert.False(stage.IsDefined);
        Assert.Equal(128, stage.LambdaMemorySize);
        Assert.Equal(60, stage.LambdaTimeout);
        Assert.True(stage.ManageIamRole);
        Assert.True(stage.LocalAws);
        Assert.Empty(stage.EnvironmentVariables);
    }

    [Theory]
    [InlineData("{ \"app_name\": ", "is not valid JSON (line 1")]
    [InlineData("[]", "must contain a JSON object")]
    public void Malformed_files_fail_with_the_file_name(string json, string message)
    {
        var error = Assert.Throws<ChaliceConfigException>(() => ChaliceConfig.Parse(json, "app/.chalice/config.json"));
        Assert.StartsWith("app/.chalice/config.json", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{ "environment_variables": { "PORT": 80 } }""", "\"environment_variables\" must be an object of strings, but \"PORT\" is 80")]
    [InlineData("""{ "lambda_memory_size": "big" }""", "\"lambda_memory_size\" must be an integer from 128 to 10240 (MB), not \"big\"")]
    [InlineData("""{ "autogen_policy": "yes" }""", "\"autogen_policy\" must be true or false, not \"yes\"")]
    public void Wrong_types_name_the_setting(string json, string message)
    {
        var stage = ChaliceConfig.Parse(json).ForStage();
        var error = Assert.Throws<ChaliceConfigException>(() =>
        {
            _ = stage.EnvironmentVariables;
            _ = stage.LambdaMemorySize;
            _ = stage.AutogenPolicy;
        });
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Runtime_and_architecture_default_to_native_AOT_on_X86_and_follow_precedence()
    {
        var config = ChaliceConfig.Parse("""
            { "lambda_runtime": "dotnet10", "stages": { "arm": { "lambda_architecture": "arm64", "lambda_runtime": "provided.al2023" } } }
            """);
        Assert.Equal("provided.al2023", ChaliceConfig.Empty.ForStage().LambdaRuntime);
        Assert.Equal("x86_64", ChaliceConfig.Empty.ForStage().LambdaArchitecture);
        Assert.Equal("dotnet10", config.ForStage("dev").LambdaRuntime);
        Assert.Equal("provided.al2023", config.ForStage("arm").LambdaRuntime);
        Assert.Equal("arm64", config.ForStage("arm").LambdaArchitecture);
    }

    [Fact]
    public void Unknown_runtime_or_architecture_is_a_clear_error()
    {
        var config = ChaliceConfig.Parse("""{ "lambda_runtime": "python3.12", "lambda_architecture": "mips" }""", "cfg.json");
        var runtime = Assert.Throws<ChaliceConfigException>(() => config.ForStage().LambdaRuntime);
        Assert.Equal("cfg.json: \"lambda_runtime\" must be \"provided.al2023\" or \"dotnet10\", not \"python3.12\"", runtime.Message);
        Assert.Contains("\"lambda_architecture\" must be \"x86_64\" or \"arm64\"", Assert.Throws<ChaliceConfigException>(() => config.ForStage().LambdaArchitecture).Message);
    }

    [Fact]
    public void The_API_type_defaults_to_a_REST_API_and_a_stage_chooses_an_HTTP_API_with_either_payload()
    {
        var config = ChaliceConfig.Parse("""
            { "api_gateway_type": "http", "stages": { "v1": { "api_gateway_type": "http-v1" }, "rest": { "api_gateway_type": "rest" } } }
            """);

        Assert.Equal(ApiKind.Rest, ChaliceConfig.Empty.ForStage().ApiGatewayType);
        Assert.Equal(ApiKind.Http, config.ForStage("dev").ApiGatewayType);
        Assert.Equal(ApiKind.HttpV1, config.ForStage("v1").ApiGatewayType);
        Assert.Equal(ApiKind.Rest, config.ForStage("rest").ApiGatewayType);
        Assert.Equal(("2.0", "1.0"), (ApiKind.Http.PayloadFormatVersion(), ApiKind.HttpV1.PayloadFormatVersion()));
    }

    [Fact]
    public void An_unknown_API_type_is_a_clear_error()
    {
        var config = ChaliceConfig.Parse("""{ "api_gateway_type": "websocket" }""", "cfg.json");

        var error = Assert.Throws<ChaliceConfigException>(() => config.ForStage().ApiGatewayType);
        Assert.Equal("cfg.json: \"api_gateway_type\" must be \"rest\" or \"http\" or \"http-v1\", not \"websocket\"", error.Message);
    }
}
