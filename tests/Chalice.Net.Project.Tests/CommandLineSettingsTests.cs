using System.Text.Json.Nodes;
using Chalice.Configuration;

namespace Chalice.Project.Tests;

/// <summary>
/// Settings given as command-line options (deploy --api-gateway-stage, --autogen-policy) win over every level of the
/// file, as Chalice's user-provided parameters do (chalice/config.py, Config.create: user_provided_params first).
/// </summary>
public sealed class CommandLineSettingsTests
{
    private const string File = """
        { "api_gateway_stage": "top", "autogen_policy": true,
          "stages": { "dev": { "api_gateway_stage": "dev-stage",
                               "lambda_functions": { "worker": { "autogen_policy": true } } } } }
        """;

    [Fact]
    public void A_setting_on_the_command_line_wins_over_the_stage_and_the_functions_settings()
    {
        var config = ChaliceConfig.Parse(File).WithCommandLine(new JsonObject { ["api_gateway_stage"] = "v2", ["autogen_policy"] = false });

        Assert.Equal("v2", config.ForStage("dev").ApiGatewayStage);
        Assert.False(config.ForStage("dev").AutogenPolicy);
        Assert.False(config.ForStage("dev", "worker").AutogenPolicy);
    }

    [Fact]
    public void Without_command_line_settings_the_file_decides()
    {
        var config = ChaliceConfig.Parse(File).WithCommandLine([]);

        Assert.Equal("dev-stage", config.ForStage("dev").ApiGatewayStage);
        Assert.True(config.ForStage("dev").AutogenPolicy);
    }

    [Fact]
    public void A_command_line_value_is_checked_as_the_file_s_would_be()
    {
        var error = Assert.Throws<ChaliceConfigException>(() => ChaliceConfig.Parse(File).WithCommandLine(new JsonObject { ["autogen_policy"] = "no" }));

        Assert.Equal("the command line: \"autogen_policy\" in the command line must be true or false, not \"no\"", error.Message);
    }
}
