using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.HttpApis;

namespace Chalice.Deploy.Templates;

/// <summary>
/// The HTTP API part of a stage's template (<c>"api_gateway_type": "http"</c> or <c>"http-v1"</c>), from the same
/// <see cref="HttpApiDefinition"/> a direct deploy uses: in SAM an <c>AWS::Serverless::HttpApi</c> and one <c>HttpApi</c>
/// event per route on the function (SAM adds the integration, stage and permission); in plain CloudFormation the
/// <c>AWS::ApiGatewayV2</c> API, Lambda proxy integration, routes and <c>$default</c> stage, and the invoke permission.
/// The authorizers (<see cref="HttpApiAuthorizerDefinition"/>, each writing its own) are in SAM under the HttpApi's
/// <c>Auth.Authorizers</c>, named by each route event's <c>Auth.Authorizer</c>; in CloudFormation
/// <c>AWS::ApiGatewayV2::Authorizer</c> resources and <c>CUSTOM</c> or <c>JWT</c> routes. In both, each built-in
/// authorizer's function may be invoked by the API's authorizers; a <c>[CustomAuthorizer]</c>'s function is not the
/// app's, and its owner grants API Gateway that.
/// </summary>
internal static class HttpApiTemplate
{
    /// <summary>The logical id of the HTTP API.</summary>
    public const string HttpApiId = "HttpApi";

    private const string IntegrationId = "HttpApiIntegration";

    /// <summary>Adds the API to <paramref name="resources"/>, its events to the function's <paramref name="function"/> properties (SAM), and its outputs.</summary>
    /// <param name="authorizerFunctionIds">The logical id of each built-in authorizer's function, by the authorizer's name.</param>
    public static void Add(
        JsonObject resources, JsonObject function, JsonObject outputs, DeploymentSpec spec, IReadOnlyDictionary<string, string> tags,
        IReadOnlyDictionary<string, string> authorizerFunctionIds, TemplateFormat format)
    {
        var names = spec.Names;
        var definition = HttpApiDefinition.For(spec.Manifest, spec.Config.ApiGatewayType);
        var description = $"Chalice.Net app {names.App}, stage {names.Stage}";
        var tagMap = new JsonObject([.. tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]);
        if (format == TemplateFormat.Sam)
        {
            var api = new JsonObject
            {
                ["Name"] = names.Base,
                ["Description"] = description,
                ["Tags"] = tagMap,
            };
            if (definition.Cors is { } cors)
                api["CorsConfiguration"] = Cors(cors);
            var auth = new JsonObject();
            if (definition.Authorizers.Count > 0)
                auth["Authorizers"] = new JsonObject([.. definition.Authorizers.Select(a => KeyValuePair.Create(a.Name, (JsonNode?)a.SamAuthorizer(authorizerFunctionIds)))]);
            // SAM accepts an event's AWS_IAM only once the API enables it
            // (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-httpapiauth.html).
            if (definition.IamRouteKeys.Count > 0)
                auth["EnableIamAuthorizer"] = true;
            if (auth.Count > 0)
                api["Auth"] = auth;
            resources[HttpApiId] = new JsonObject { ["Type"] = "AWS::Serverless::HttpApi", ["Properties"] = api };
            var events = new JsonObject();
            foreach (var key in definition.RouteKeys)
            {
                var (method, path) = Split(key);
                var properties = new JsonObject
                {
                    ["ApiId"] = Ref(HttpApiId),
                    ["Method"] = method,
                    ["Path"] = path,
                    ["PayloadFormatVersion"] = definition.PayloadFormatVersion,
                };
                if (definition.AuthorizerOf(key) is { } authorizer)
                    properties["Auth"] = new JsonObject { ["Authorizer"] = authorizer.Name };
                // SAM's name for IAM authorization (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-httpapifunctionauth.html).
                else if (definition.IamRouteKeys.Contains(key))
                    properties["Auth"] = new JsonObject { ["Authorizer"] = HttpApiDefinition.IamAuthorization };
                events[RouteId("Route", key)] = new JsonObject { ["Type"] = "HttpApi", ["Properties"] = properties };
            }
            function["Events"] = events;
        }
        else
        {
            var api = new JsonObject
            {
                ["Name"] = names.Base,
                ["Description"] = description,
                ["ProtocolType"] = "HTTP",
                ["Tags"] = tagMap,
            };
            if (definition.Cors is { } cors)
                api["CorsConfiguration"] = Cors(cors);
            resources[HttpApiId] = new JsonObject { ["Type"] = "AWS::ApiGatewayV2::Api", ["Properties"] = api };
            resources[IntegrationId] = new JsonObject
            {
                ["Type"] = "AWS::ApiGatewayV2::Integration",
                ["Properties"] = new JsonObject
                {
                    ["ApiId"] = Ref(HttpApiId),
                    ["IntegrationType"] = HttpApiDefinition.LambdaProxy,
                    ["IntegrationUri"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(StackTemplate.FunctionId, "Arn") },
                    ["PayloadFormatVersion"] = definition.PayloadFormatVersion,
                },
            };
            foreach (var authorizer in definition.Authorizers)
            {
                resources[AuthorizerId(authorizer)] = new JsonObject
                {
                    ["Type"] = "AWS::ApiGatewayV2::Authorizer", ["Properties"] = authorizer.CloudFormationProperties(Ref(HttpApiId), authorizerFunctionIds),
                };
            }
            foreach (var key in definition.RouteKeys)
            {
                var authorizer = definition.AuthorizerOf(key);
                // NONE is written out: a route updated without it keeps an authorizer it had
                // (https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2184).
                var properties = new JsonObject
                {
                    ["ApiId"] = Ref(HttpApiId),
                    ["RouteKey"] = key,
                    ["Target"] = new JsonObject { ["Fn::Sub"] = HttpApiDefinition.RouteTarget($"${{{IntegrationId}}}") },
                    ["AuthorizationType"] = definition.AuthorizationTypeOf(key),
                };
                if (authorizer is not null)
                    properties["AuthorizerId"] = Ref(AuthorizerId(authorizer));
                resources[RouteId("HttpApiRoute", key)] = new JsonObject { ["Type"] = "AWS::ApiGatewayV2::Route", ["Properties"] = properties };
            }
            resources["HttpApiDefaultStage"] = new JsonObject
            {
                ["Type"] = "AWS::ApiGatewayV2::Stage",
                ["Properties"] = new JsonObject
                {
                    ["ApiId"] = Ref(HttpApiId),
                    ["StageName"] = HttpApiDefinition.DefaultStage,
                    ["AutoDeploy"] = true,
                    ["Tags"] = tagMap.DeepClone(),
                },
            };
            resources["APIHandlerInvokePermission"] = new JsonObject
            {
                ["Type"] = "AWS::Lambda::Permission",
                ["Properties"] = new JsonObject
                {
                    ["FunctionName"] = Ref(StackTemplate.FunctionId),
                    ["Action"] = "lambda:InvokeFunction",
                    ["Principal"] = "apigateway.amazonaws.com",
                    ["SourceArn"] = new JsonObject { ["Fn::Sub"] = $"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{HttpApiId}}}/*" },
                },
            };
        }
        outputs["HttpApiId"] = new JsonObject { ["Value"] = Ref(HttpApiId) };
        outputs["EndpointURL"] = new JsonObject
        {
            ["Value"] = new JsonObject { ["Fn::Sub"] = $"https://${{{HttpApiId}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/" },
        };
    }

    /// <summary>
    /// Lets API Gateway invoke each built-in authorizer's function for the HTTP API's authorizers only, as a direct
    /// deploy does (AuthorizerPermissionPlanner); SAM's <c>EnableFunctionDefaultPermissions</c> stays off, since it would grant more.
    /// </summary>
    /// <param name="resources">The template's resources.</param>
    /// <param name="ids">The logical ids in use.</param>
    /// <param name="authorizerFunctionIds">The logical id of each built-in authorizer's function, by the authorizer's name.</param>
    public static void AddAuthorizerPermissions(JsonObject resources, HashSet<string> ids, IReadOnlyDictionary<string, string> authorizerFunctionIds)
    {
        foreach (var functionId in authorizerFunctionIds.Values)
        {
            resources[StackTemplate.UniqueId(ids, functionId + "InvokePermission")] = new JsonObject
            {
                ["Type"] = "AWS::Lambda::Permission",
                ["Properties"] = new JsonObject
                {
                    ["FunctionName"] = StackTemplate.GetAtt(functionId, "Arn"),
                    ["Action"] = "lambda:InvokeFunction",
                    ["Principal"] = "apigateway.amazonaws.com",
                    ["SourceArn"] = StackTemplate.Sub($"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{HttpApiId}}}/authorizers/*"),
                },
            };
        }
    }

    /// <summary>An authorizer's logical id: its name's letters and digits, and a suffix no function id has.</summary>
    private static string AuthorizerId(HttpApiAuthorizerDefinition authorizer) =>
        new string([.. authorizer.Name.Where(char.IsAsciiLetterOrDigit)]) + "HttpApiAuthorizer";

    /// <summary>CloudFormation's and SAM's CORS configuration: the API's members, capitalised.</summary>
    private static JsonObject Cors(HttpApiCors cors)
    {
        static JsonArray List(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);
        var configuration = new JsonObject
        {
            ["AllowOrigins"] = List(cors.AllowOrigins ?? []),
            ["AllowHeaders"] = List(cors.AllowHeaders ?? []),
            ["AllowMethods"] = List(cors.AllowMethods ?? []),
        };
        if (cors.ExposeHeaders is { } expose)
            configuration["ExposeHeaders"] = List(expose);
        if (cors.MaxAge is { } maxAge)
            configuration["MaxAge"] = maxAge;
        if (cors.AllowCredentials is { } credentials)
            configuration["AllowCredentials"] = credentials;
        return configuration;
    }

    private static (string Method, string Path) Split(string routeKey)
    {
        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        return (routeKey[..space], routeKey[(space + 1)..]);
    }

    /// <summary>
    /// A logical id for a route: its letters and digits (ids allow nothing else), and a hash of the key so that keys
    /// differing only in punctuation (<c>/a-b</c>, <c>/ab</c>) do not collide; stable, so adding a route changes no other.
    /// </summary>
    private static string RouteId(string prefix, string routeKey)
    {
        var letters = new string([.. routeKey.Where(char.IsAsciiLetterOrDigit)]);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(routeKey)))[..8];
        return prefix + letters + hash;
    }

    private static JsonObject Ref(string id) => new() { ["Ref"] = id };
}
