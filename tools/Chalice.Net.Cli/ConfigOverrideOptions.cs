using System.CommandLine;
using System.Text.Json.Nodes;
using Chalice.Configuration;

namespace Chalice.Cli;

/// <summary>
/// Chalice's deploy options that stand for settings of <c>.chalice/config.json</c> (<c>--api-gateway-stage</c>,
/// <c>--autogen-policy</c>/<c>--no-autogen-policy</c>): given, they win over the file for the whole run, through
/// <see cref="ChaliceConfig.WithCommandLine"/>, so every reader of the stage's settings sees them.
/// </summary>
internal sealed class ConfigOverrideOptions
{
    public Option<string?> ApiGatewayStage { get; } = new("--api-gateway-stage")
    {
        Description = "The API Gateway stage to deploy the REST API to (api_gateway_stage; default: the config's, else api).",
        HelpName = "NAME",
    };

    public Option<bool> AutogenPolicy { get; } = new("--autogen-policy")
    {
        Description = "Infer the IAM policy from the code (autogen_policy: true), whatever the config says.",
    };

    public Option<bool> NoAutogenPolicy { get; } = new("--no-autogen-policy")
    {
        Description = "Use the stage's policy file, .chalice/policy-STAGE.json or iam_policy_file (autogen_policy: false), whatever the config says.",
    };

    /// <summary>Adds the options, with the check that the two policy options are not both given.</summary>
    public void AddTo(Command command, bool withPolicy = true)
    {
        command.Add(ApiGatewayStage);
        if (!withPolicy)
            return;
        command.Add(AutogenPolicy);
        command.Add(NoAutogenPolicy);
        command.Validators.Add(result =>
        {
            if (result.GetValue(AutogenPolicy) && result.GetValue(NoAutogenPolicy))
                result.AddError("--autogen-policy and --no-autogen-policy cannot be given together.");
        });
    }

    /// <summary>The settings given, by their names in the config file (which <see cref="ChaliceConfig.WithCommandLine"/> checks).</summary>
    public JsonObject Settings(ParseResult parse)
    {
        var settings = new JsonObject();
        if (parse.GetValue(ApiGatewayStage) is { } stage)
            settings["api_gateway_stage"] = stage;
        if (parse.GetResult(AutogenPolicy) is not null && parse.GetValue(AutogenPolicy))
            settings["autogen_policy"] = true;
        if (parse.GetResult(NoAutogenPolicy) is not null && parse.GetValue(NoAutogenPolicy))
            settings["autogen_policy"] = false;
        return settings;
    }
}
