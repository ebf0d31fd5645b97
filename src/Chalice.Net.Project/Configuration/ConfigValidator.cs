using System.Text.Json.Nodes;

namespace Chalice.Configuration;

/// <summary>
/// Walks the parts of a config file that apply to one stage and reports every key that is unknown, unsupported,
/// misplaced or of the wrong value, against <see cref="ConfigSettings"/>.
/// </summary>
internal sealed class ConfigValidator(ChaliceConfig config, JsonObject root)
{
    private readonly List<ConfigProblem> _problems = [];
    private readonly string _file = config.ShownPath;

    public IReadOnlyList<ConfigProblem> Validate(string stage)
    {
        CheckLevel(new ConfigLevel(root, ""), ConfigScope.TopLevel);
        var stages = root[ConfigSettings.Stages.Name] as JsonObject;
        if (stages?[stage] is JsonObject stageNode)
            CheckLevel(new ConfigLevel(stageNode, $"stages.{stage}"), ConfigScope.Stage);
        else if (stages?.ContainsKey(stage) != true) // a stage that is not an object is an invalid value, reported above
            CheckStageIsKnown(stage);
        if (_problems.TrueForAll(p => p.Kind == ConfigProblemKind.UndefinedStage))
            CheckConsistency(stage);
        return _problems;
    }

    private void CheckLevel(ConfigLevel level, ConfigScope scope)
    {
        foreach (var (key, value) in level.Node!)
        {
            if (ConfigSettings.Find(key) is not { } setting)
            {
                Report(ConfigSettings.NotSupportedYet.Contains(key)
                    ? new ConfigProblem(ConfigProblemKind.NotSupportedYet, _file,
                        $"\"{key}\"{level.Where} is a Chalice setting that Chalice.Net does not support yet; remove it " +
                        "(a deploy without it would not be what the file asks for)")
                    : Unknown(key, level));
                continue;
            }
            if (value is null)
                continue; // null means unset, as in Chalice
            if (!setting.Scopes.HasFlag(scope))
            {
                Report(new ConfigProblem(ConfigProblemKind.MisplacedSetting, _file,
                    $"\"{key}\"{level.Where} can be set {setting.AllowedPlaces}"));
                continue;
            }
            if (setting.Value.Check(value) is { } expected)
            {
                Report(new ConfigProblem(ConfigProblemKind.InvalidValue, _file, level.InvalidValue(setting, expected)));
                continue;
            }
            if (setting == ConfigSettings.LambdaFunctions)
            {
                foreach (var (function, overrides) in value.AsObject())
                    CheckLevel(new ConfigLevel(overrides!.AsObject(), Join(level.Location, $"{key}.{function}")), ConfigScope.Function);
            }
        }
    }

    private ConfigProblem Unknown(string key, ConfigLevel level)
    {
        var nearest = NearestName.Find(key, ConfigSettings.KnownNames);
        return new ConfigProblem(ConfigProblemKind.UnknownSetting, _file,
            $"unknown setting \"{key}\"{level.Where}" + (nearest is null ? "" : $"; did you mean \"{nearest}\"?"));
    }

    /// <summary>
    /// A stage the file does not define gets the top-level settings, as in Chalice, but it is more often a typo
    /// (<c>--stage prdo</c>) than meant. The default stage of a file without stages is what every new app starts as.
    /// </summary>
    private void CheckStageIsKnown(string stage)
    {
        var known = config.StageNames;
        if (known.Count == 0 && stage == ChaliceConfig.DefaultStage)
            return;
        Report(new ConfigProblem(ConfigProblemKind.UndefinedStage, _file,
            $"stage \"{stage}\" is not defined ({(known.Count == 0 ? "the file defines no stages" : "its stages: " + string.Join(", ", known))}); " +
            "the top-level settings apply"));
    }

    /// <summary>Settings that are each valid but cannot work together for the stage.</summary>
    private void CheckConsistency(string stage)
    {
        var settings = config.ForStage(stage);
        if (!settings.ManageIamRole && settings.IamRoleArn is null)
        {
            Report(new ConfigProblem(ConfigProblemKind.Inconsistent, _file,
                $"\"manage_iam_role\" is false for stage {stage}, so \"iam_role_arn\" must name the role the function runs as"));
        }
        foreach (var function in FunctionNames(stage))
            CheckVpc(config.ForStage(stage, function));
        CheckResourcePolicy(settings);
    }

    /// <summary>The API's function and every function the file configures for the stage.</summary>
    private IEnumerable<string> FunctionNames(string stage)
    {
        var functions = ConfigSettings.LambdaFunctions.Name;
        var stageFunctions = ((root[ConfigSettings.Stages.Name] as JsonObject)?[stage] as JsonObject)?[functions] as JsonObject;
        return new[] { ChaliceConfig.ApiHandlerName }
            .Concat((root[functions] as JsonObject)?.Select(f => f.Key) ?? [])
            .Concat(stageFunctions?.Select(f => f.Key) ?? [])
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>A VPC needs both subnets and security groups (Chalice's appgraph.py, _get_vpc_params).</summary>
    private void CheckVpc(StageConfig settings)
    {
        if (settings.SubnetIds.Count > 0 != settings.SecurityGroupIds.Count > 0)
        {
            var (given, missing) = settings.SubnetIds.Count > 0 ? ("subnet_ids", "security_group_ids") : ("security_group_ids", "subnet_ids");
            Report(new ConfigProblem(ConfigProblemKind.Inconsistent, _file,
                $"\"{given}\" is set for function {settings.Function} of stage {settings.Stage} without \"{missing}\"; " +
                "a function in a VPC needs both"));
        }
    }

    /// <summary>The resource policy rules of Chalice's validate.py (validate_resource_policy).</summary>
    private void CheckResourcePolicy(StageConfig settings)
    {
        var isPrivate = settings.ApiGatewayEndpointType == "PRIVATE";
        var hasVpce = settings.ApiGatewayEndpointVpce.Count > 0;
        string? problem = (isPrivate, hasVpce, settings.ApiGatewayPolicyFile is not null) switch
        {
            (false, true, _) => "\"api_gateway_endpoint_vpce\" applies only to a PRIVATE \"api_gateway_endpoint_type\"",
            (true, true, true) => "give one of \"api_gateway_policy_file\" and \"api_gateway_endpoint_vpce\", not both",
            (true, false, false) => "a PRIVATE API needs \"api_gateway_endpoint_vpce\" or \"api_gateway_policy_file\" (who may call it)",
            _ => null,
        };
        if (problem is not null)
            Report(new ConfigProblem(ConfigProblemKind.Inconsistent, _file, $"stage {settings.Stage}: {problem}"));
    }

    private void Report(ConfigProblem problem) => _problems.Add(problem);

    private static string Join(string location, string child) => location.Length == 0 ? child : $"{location}.{child}";
}
