using System.Text.Json.Nodes;
using Chalice.Configuration;
using static Chalice.Deploy.Templates.StackTemplate;

namespace Chalice.Deploy.Templates;

/// <summary>
/// A stage's API keys and usage plan in a template, as a deploy makes them (ApiKeyPlanner, UsagePlanPlanner):
/// <c>AWS::ApiGateway::ApiKey</c> per key (enabled, tagged), one <c>AWS::ApiGateway::UsagePlan</c> for the REST API's
/// stage with the throttle and quota, and an <c>AWS::ApiGateway::UsagePlanKey</c> per key
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-usageplan.html). A key whose
/// value comes from <c>value_env</c> takes it from a <c>NoEcho</c> parameter, never from the template's text; the stage
/// is referred to by a <c>Ref</c> so that the plan is made after it (SAM: <c>RestAPI.Stage</c>).
/// </summary>
internal static class ApiKeyTemplate
{
    /// <summary>The plan's logical id.</summary>
    public const string UsagePlanId = "UsagePlan";

    /// <summary>Adds the keys, the plan and their parameters and outputs; nothing for a stage without keys or plan.</summary>
    public static void Add(JsonObject resources, JsonObject parameters, JsonObject outputs, HashSet<string> ids, DeploymentSpec spec, TemplateFormat format)
    {
        var config = spec.Config;
        if (config.ApiKeys.Count == 0 && config.UsagePlan is null)
            return;
        var names = spec.Names;
        var tags = TagList(new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue });
        var keyIds = new List<string>();
        foreach (var key in config.ApiKeys)
        {
            var id = UniqueId(ids, "ApiKey-" + key.Name);
            keyIds.Add(id);
            var properties = new JsonObject { ["Name"] = names.ApiKeyOf(key.Name), ["Enabled"] = true, ["Tags"] = tags.DeepClone() };
            if (key.ValueEnv is { } variable)
            {
                var parameter = UniqueId(ids, id + "-Value");
                parameters[parameter] = new JsonObject
                {
                    ["Type"] = "String",
                    ["NoEcho"] = true,
                    ["Description"] = $"The value of the API key {key.Name} (the deployer reads it from {variable}).",
                };
                properties["Value"] = Ref(parameter);
            }
            resources[id] = new JsonObject { ["Type"] = "AWS::ApiGateway::ApiKey", ["Properties"] = properties };
            outputs[id + "Id"] = new JsonObject { ["Value"] = Ref(id) };
        }

        var settings = config.UsagePlan ?? UsagePlanConfig.Unlimited;
        var plan = new JsonObject
        {
            ["UsagePlanName"] = names.UsagePlan,
            ["ApiStages"] = new JsonArray(new JsonObject
            {
                ["ApiId"] = Ref(RestApiId),
                ["Stage"] = Ref(format == TemplateFormat.Sam ? $"{RestApiId}.Stage" : "RestAPIStage"),
            }),
            ["Tags"] = tags.DeepClone(),
        };
        if (settings.Throttle is { } throttle)
            plan["Throttle"] = new JsonObject { ["BurstLimit"] = throttle.BurstLimit, ["RateLimit"] = throttle.RateLimit };
        if (settings.Quota is { } quota)
            plan["Quota"] = new JsonObject { ["Limit"] = quota.Limit, ["Period"] = quota.Period };
        ids.Add(UsagePlanId);
        resources[UsagePlanId] = new JsonObject { ["Type"] = "AWS::ApiGateway::UsagePlan", ["Properties"] = plan };
        foreach (var keyId in keyIds)
        {
            resources[UniqueId(ids, keyId + "-UsagePlanKey")] = new JsonObject
            {
                ["Type"] = "AWS::ApiGateway::UsagePlanKey",
                ["Properties"] = new JsonObject { ["KeyId"] = Ref(keyId), ["KeyType"] = "API_KEY", ["UsagePlanId"] = Ref(UsagePlanId) },
            };
        }
    }
}
