using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Planning;
using Chalice.Deploy.Planning.Resources;
using Chalice.Policy.Documents;

namespace Chalice.Deploy.Templates;

/// <summary>
/// Writes a stage of an app as a CloudFormation template, for teams that deploy with their own pipeline: the same
/// role, functions, API (REST, or HTTP: <see cref="HttpApiTemplate"/>), stage, invoke permission and event sources a
/// direct deploy creates, with the same settings. SAM (<c>AWS::Serverless::Function</c> with a local <c>CodeUri</c>,
/// sources as its <c>Events</c>) or plain CloudFormation (code from S3 parameters; rules, mappings, subscriptions and
/// permissions as resources of their own). An S3 handler is refused, as Chalice refuses it: CloudFormation cannot
/// change the notifications of a bucket it did not create.
/// </summary>
internal static class StackTemplate
{
    /// <summary>The logical id of the function.</summary>
    public const string FunctionId = "APIHandler";

    /// <summary>The logical id of the REST API.</summary>
    public const string RestApiId = "RestAPI";

    private const string RoleId = "DefaultRole";

    /// <summary>The template's file name for a format: <c>sam.json</c>, <c>cloudformation.yaml</c>, …</summary>
    public static string FileName(TemplateFormat format, TemplateSyntax syntax = TemplateSyntax.Json) =>
        (format == TemplateFormat.Sam ? "sam" : "cloudformation") + (syntax == TemplateSyntax.Yaml ? ".yaml" : ".json");

    /// <summary>The template of <paramref name="spec"/>'s stage.</summary>
    /// <param name="spec">The stage, its package and routes.</param>
    /// <param name="policies">Each function's role's inline policy; null when no function has a managed role (each uses its <c>iam_role_arn</c>).</param>
    /// <param name="format">SAM or plain CloudFormation.</param>
    public static JsonObject Create(DeploymentSpec spec, FunctionPolicies? policies, TemplateFormat format)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var config = spec.Config;
        var names = spec.Names;
        if (spec.Manifest.Functions.OfType<S3FunctionManifest>().Select(f => f.Name).ToArray() is [_, ..] s3Functions)
            throw new InvalidDataException(
                $"A template cannot wire {string.Join(", ", s3Functions)} to its bucket: CloudFormation does not change the notifications " +
                "of a bucket it did not create (Chalice refuses these too). Deploy the app with 'chalice-net deploy'.");
        var resources = new JsonObject();

        var ids = new HashSet<string>(StringComparer.Ordinal) { FunctionId, RoleId, RestApiId, "RestAPIDeployment", "RestAPIStage", "APIHandlerInvokePermission", CustomDomainTemplate.DomainId, CustomDomainTemplate.DomainId + "Mapping" };
        resources[FunctionId] = Function(spec, ChaliceConfig.ApiHandlerName, Role(resources, RoleId, spec, ChaliceConfig.ApiHandlerName, policies), format);
        AddLogGroup(resources, ids, FunctionId, spec, ChaliceConfig.ApiHandlerName);
        var authorizerIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var other in spec.Manifest.Functions.Where(f => f is not ApiFunctionManifest))
        {
            var id = UniqueId(ids, other.Name);
            if (other is AuthorizerFunctionManifest)
                authorizerIds[other.Name] = id;
            var role = Role(resources, UniqueId(ids, id + "Role"), spec, other.Name, policies);
            var resource = Function(spec, other.Name, role, format);
            resources[id] = resource;
            AddLogGroup(resources, ids, id, spec, other.Name);
            EventSourceTemplate.Add(resources, ids, id, resource, other, format);
        }

        var outputs = new JsonObject
        {
            ["APIHandlerName"] = new JsonObject { ["Value"] = Ref(FunctionId) },
            ["APIHandlerArn"] = new JsonObject { ["Value"] = GetAtt(FunctionId, "Arn") },
        };
        var parameters = new JsonObject();
        if (format == TemplateFormat.CloudFormation)
        {
            parameters["CodeS3Bucket"] = new JsonObject { ["Type"] = "String", ["Description"] = $"The S3 bucket holding {PackageDescription.ZipFileName}." };
            parameters["CodeS3Key"] = new JsonObject { ["Type"] = "String", ["Description"] = $"The S3 key of {PackageDescription.ZipFileName}." };
        }
        if ((config.ApiKeys.Count > 0 || config.UsagePlan is not null) && (spec.Manifest.Routes.Count == 0 || config.ApiGatewayType.IsHttpApi()))
            throw new ChaliceConfigException(
                $"{config.Stage}: api_keys and usage_plan apply to a REST API, and this stage deploys " +
                (config.ApiGatewayType.IsHttpApi() ? "an HTTP API, which has no API keys" : "no API (the app has no routes)") + ".");
        if (spec.Manifest.Routes.Count > 0 && config.ApiGatewayType.IsHttpApi())
        {
            HttpApiTemplate.Add(resources, resources[FunctionId]!["Properties"]!.AsObject(), outputs, spec, new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue }, authorizerIds, format);
            HttpApiTemplate.AddAuthorizerPermissions(resources, ids, authorizerIds);
        }
        else if (spec.Manifest.Routes.Count > 0)
        {
            AddRestApi(resources, ids, spec, authorizerIds, format);
            ApiKeyTemplate.Add(resources, parameters, outputs, ids, spec, format);
            outputs["RestAPIId"] = new JsonObject { ["Value"] = Ref(RestApiId) };
            outputs["EndpointURL"] = new JsonObject
            {
                ["Value"] = Sub($"https://${{{RestApiId}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{config.ApiGatewayStage}/"),
            };
        }
        CustomDomainTemplate.Add(resources, outputs, spec, format);

        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
        };
        if (format == TemplateFormat.Sam)
            template["Transform"] = "AWS::Serverless-2016-10-31";
        template["Description"] = $"{names.App}, stage {names.Stage} (packaged by chalice-net)";
        if (parameters.Count > 0)
            template["Parameters"] = parameters;
        template["Resources"] = resources;
        template["Outputs"] = outputs;
        return template;
    }

    /// <summary>
    /// The role of one of the app's functions: its own <c>AWS::IAM::Role</c> (logical id <paramref name="id"/>) with its
    /// policy when the deployer manages it, else its <c>iam_role_arn</c>.
    /// </summary>
    private static JsonNode Role(JsonObject resources, string id, DeploymentSpec spec, string function, FunctionPolicies? policies)
    {
        var config = spec.ConfigFor(function);
        if (!config.ManageIamRole)
        {
            return config.IamRoleArn is { Length: > 0 } own ? own : throw new ChaliceConfigException(
                $"{config.Stage}: manage_iam_role is false for {function}, so iam_role_arn must name the role it runs as.");
        }
        var names = spec.Names;
        var policy = policies?.Of(function) ?? throw new ArgumentNullException(nameof(policies));
        resources[id] = new JsonObject
        {
            ["Type"] = "AWS::IAM::Role",
            ["Properties"] = new JsonObject
            {
                ["AssumeRolePolicyDocument"] = JsonNode.Parse(RolePlanner.TrustPolicy),
                ["Policies"] = new JsonArray(new JsonObject
                {
                    ["PolicyName"] = names.PolicyOf(function),
                    ["PolicyDocument"] = WithPollingStatements(
                        PolicyDocument.Validate(policy, $"The IAM policy of {names.RoleOf(function)}"), spec, function),
                }),
                ["Tags"] = TagList(new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue }),
            },
        };
        return GetAtt(id, "Arn");
    }

    /// <summary>
    /// The function's log group with its retention when its settings name <c>log_retention_in_days</c>, as Chalice's
    /// package writes it (<c>chalice/package.py</c>): <c>/aws/lambda/</c> and the function's name.
    /// </summary>
    private static void AddLogGroup(JsonObject resources, HashSet<string> ids, string functionId, DeploymentSpec spec, string function)
    {
        if (spec.ConfigFor(function).LogRetentionInDays is not { } days)
            return;
        resources[UniqueId(ids, functionId + "LogGroup")] = new JsonObject
        {
            ["Type"] = "AWS::Logs::LogGroup",
            ["Properties"] = new JsonObject
            {
                ["LogGroupName"] = Sub($"/aws/lambda/${{{functionId}}}"),
                ["RetentionInDays"] = days,
            },
        };
    }

    /// <summary>The function resource of one of the app's functions, with its own settings.</summary>
    private static JsonObject Function(DeploymentSpec spec, string name, JsonNode role, TemplateFormat format)
    {
        var function = FunctionSettings.For(spec, name);
        var properties = new JsonObject
        {
            ["Runtime"] = function.Runtime,
            ["Handler"] = function.Handler,
            ["MemorySize"] = function.MemorySize,
            ["Timeout"] = function.Timeout,
            ["Architectures"] = new JsonArray(function.Architecture),
            ["Role"] = role.DeepClone(),
        };
        if (format == TemplateFormat.Sam)
        {
            properties["CodeUri"] = "./" + PackageDescription.ZipFileName;
            properties["Tags"] = new JsonObject([.. function.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]);
        }
        else
        {
            properties["Code"] = new JsonObject { ["S3Bucket"] = Ref("CodeS3Bucket"), ["S3Key"] = Ref("CodeS3Key") };
            properties["Tags"] = TagList(function.Tags);
        }
        if (function.Environment.Count > 0)
            properties["Environment"] = new JsonObject
            {
                ["Variables"] = new JsonObject([.. function.Environment.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
            };
        if (function.ReservedConcurrency is { } reserved)
            properties["ReservedConcurrentExecutions"] = reserved;
        if (function.InVpc)
            properties["VpcConfig"] = new JsonObject
            {
                ["SecurityGroupIds"] = Strings(function.SecurityGroupIds),
                ["SubnetIds"] = Strings(function.SubnetIds),
            };
        if (function.Layers.Count > 0)
            properties["Layers"] = Strings(function.Layers);
        // SAM's Tracing, CloudFormation's TracingConfig.Mode (Chalice's package.py writes Tracing Active/PassThrough).
        if (format == TemplateFormat.Sam)
            properties["Tracing"] = function.TracingMode;
        else
            properties["TracingConfig"] = new JsonObject { ["Mode"] = function.TracingMode };
        if (function.EphemeralStorage != FunctionSettings.DefaultEphemeralStorage)
            properties["EphemeralStorage"] = new JsonObject { ["Size"] = function.EphemeralStorage };
        return new JsonObject
        {
            ["Type"] = format == TemplateFormat.Sam ? "AWS::Serverless::Function" : "AWS::Lambda::Function",
            ["Properties"] = properties,
        };
    }

    /// <summary>A logical id for a function, as Chalice makes them (<c>every_five_minutes</c> → <c>EveryFiveMinutes</c>), unique in the template.</summary>
    internal static string UniqueId(HashSet<string> ids, string name)
    {
        var id = string.Concat(name.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        var unique = id;
        for (var i = 2; !ids.Add(unique); i++)
            unique = $"{id}{i}";
        return unique;
    }

    /// <summary>The role's policy with what Lambda needs to poll the app's queues and streams, in the stack's account and region.</summary>
    private static JsonNode WithPollingStatements(string policy, DeploymentSpec spec, string function)
    {
        if (!spec.ConfigFor(function).AutogenPolicy)
            return JsonNode.Parse(policy)!;
        var manifest = spec.Manifest.Functions.FirstOrDefault(f => f.Name == function);
        var document = JsonNode.Parse(EventSourcePolicy.With(policy, manifest, "${AWS::Region}", "${AWS::AccountId}", "${AWS::Partition}"))!;
        foreach (var statement in document["Statement"]!.AsArray())
        {
            if (statement!["Resource"] is JsonValue resource && resource.GetValue<string>() is var text && text.Contains("${AWS::", StringComparison.Ordinal))
                statement["Resource"] = Sub(text);
        }
        return document;
    }

    /// <param name="resources">The template's resources.</param>
    /// <param name="ids">The logical ids taken.</param>
    /// <param name="spec">The stage.</param>
    /// <param name="authorizerIds">The logical id of each built-in authorizer's function, by the authorizer's name.</param>
    /// <param name="format">SAM or plain CloudFormation.</param>
    private static void AddRestApi(
        JsonObject resources, HashSet<string> ids, DeploymentSpec spec, IReadOnlyDictionary<string, string> authorizerIds, TemplateFormat format)
    {
        var names = spec.Names;
        var stage = spec.Config.ApiGatewayStage;
        var api = RestApiSettings.For(spec);
        var definition = OpenApiDocument.Create(spec.Manifest, new OpenApiSettings(
            names.RestApi,
            $"Chalice.Net app {names.App}, stage {names.Stage}",
            LambdaInvocationUri(FunctionId),
            api.BinaryMediaTypes)
        {
            // The policy and the VPC endpoints travel in the definition, as in Chalice's SAM template (swagger.py).
            Policy = api.Policy,
            VpcEndpointIds = api.VpcEndpointIds,
            AuthorizerUris = authorizerIds.ToDictionary(a => a.Key, a => (JsonNode)LambdaInvocationUri(a.Value), StringComparer.Ordinal),
        });

        if (format == TemplateFormat.Sam)
        {
            resources[RestApiId] = new JsonObject
            {
                ["Type"] = "AWS::Serverless::Api",
                ["Properties"] = new JsonObject
                {
                    ["Name"] = names.RestApi,
                    ["EndpointConfiguration"] = api.VpcEndpointIds.Count > 0
                        ? new JsonObject { ["Type"] = api.EndpointType, ["VPCEndpointIds"] = Strings(api.VpcEndpointIds) }
                        : api.EndpointType,
                    ["StageName"] = stage,
                    ["DefinitionBody"] = definition,
                },
            };
            var properties = resources[RestApiId]!["Properties"]!.AsObject();
            if (api.MinimumCompressionSize is { } size)
                properties["MinimumCompressionSize"] = size;
            if (api.TracingEnabled)
                properties["TracingEnabled"] = true;
        }
        else
        {
            resources[RestApiId] = new JsonObject
            {
                ["Type"] = "AWS::ApiGateway::RestApi",
                ["Properties"] = new JsonObject
                {
                    ["Name"] = names.RestApi,
                    ["EndpointConfiguration"] = api.VpcEndpointIds.Count > 0
                        ? new JsonObject { ["Types"] = new JsonArray(api.EndpointType), ["VpcEndpointIds"] = Strings(api.VpcEndpointIds) }
                        : new JsonObject { ["Types"] = new JsonArray(api.EndpointType) },
                    ["Body"] = definition,
                },
            };
            var properties = resources[RestApiId]!["Properties"]!.AsObject();
            if (api.Policy is { } policy)
                properties["Policy"] = policy.DeepClone();
            if (api.MinimumCompressionSize is { } size)
                properties["MinimumCompressionSize"] = size;
            resources["RestAPIDeployment"] = new JsonObject
            {
                ["Type"] = "AWS::ApiGateway::Deployment",
                ["Properties"] = new JsonObject { ["RestApiId"] = Ref(RestApiId) },
            };
            resources["RestAPIStage"] = new JsonObject
            {
                ["Type"] = "AWS::ApiGateway::Stage",
                ["Properties"] = new JsonObject
                {
                    ["RestApiId"] = Ref(RestApiId),
                    ["DeploymentId"] = Ref("RestAPIDeployment"),
                    ["StageName"] = stage,
                    ["TracingEnabled"] = api.TracingEnabled,
                },
            };
        }

        resources["APIHandlerInvokePermission"] = new JsonObject
        {
            ["Type"] = "AWS::Lambda::Permission",
            ["Properties"] = new JsonObject
            {
                ["FunctionName"] = Ref(FunctionId),
                ["Action"] = "lambda:InvokeFunction",
                ["Principal"] = "apigateway.amazonaws.com",
                ["SourceArn"] = Sub($"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{RestApiId}}}/*"),
            },
        };
        // Each authorizer's function may be invoked by the API's authorizers, as a direct deploy allows it
        // (AuthorizerPermissionPlanner; Chalice's package.py writes one such permission per authorizer).
        foreach (var functionId in authorizerIds.Values)
        {
            resources[UniqueId(ids, functionId + "InvokePermission")] = new JsonObject
            {
                ["Type"] = "AWS::Lambda::Permission",
                ["Properties"] = new JsonObject
                {
                    ["FunctionName"] = GetAtt(functionId, "Arn"),
                    ["Action"] = "lambda:InvokeFunction",
                    ["Principal"] = "apigateway.amazonaws.com",
                    ["SourceArn"] = Sub($"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{RestApiId}}}/authorizers/*"),
                },
            };
        }
    }

    /// <summary>The URI API Gateway invokes a function of the template through (<see cref="OpenApiSettings.LambdaIntegrationUri"/>).</summary>
    internal static JsonObject LambdaInvocationUri(string functionId) =>
        Sub($"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{functionId}.Arn}}/invocations");

    internal static JsonArray TagList(IReadOnlyDictionary<string, string> tags) =>
        new([.. tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    internal static JsonObject Ref(string id) => new() { ["Ref"] = id };

    internal static JsonObject GetAtt(string id, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(id, attribute) };

    internal static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };
}
