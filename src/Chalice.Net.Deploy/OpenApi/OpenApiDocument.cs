using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.OpenApi;

/// <summary>
/// Writes the OpenAPI 3.0 definition of an app's REST API the way Chalice writes its Swagger: one operation per route
/// method, each a Lambda proxy integration (<c>aws_proxy</c>); a <c>MOCK</c> preflight <c>OPTIONS</c> operation for
/// paths with CORS; Chalice's binary media types. Methods are listed one by one (never
/// <c>x-amazon-apigateway-any-method</c>), and the output is deterministic, so its hash tells whether the API changed.
/// </summary>
internal static partial class OpenApiDocument
{
    private const string EmptySchema = "#/components/schemas/Empty";

    /// <summary>The definition of <paramref name="manifest"/>'s routes.</summary>
    /// <exception cref="InvalidOperationException">A route uses a feature the deployer cannot express yet.</exception>
    /// <exception cref="InvalidDataException">A route names an authorizer of a kind a REST API does not have.</exception>
    public static JsonObject Create(AppManifest manifest, OpenApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        var paths = new JsonObject();
        foreach (var group in manifest.Routes.GroupBy(r => r.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
            paths[group.Key] = PathItem(group.Key, [.. group], settings);

        var document = new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = new JsonObject
            {
                ["title"] = settings.Title,
                ["description"] = settings.Description,
                ["version"] = "1.0",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject { ["Empty"] = new JsonObject { ["type"] = "object", ["title"] = "Empty Schema" } },
            },
            ["x-amazon-apigateway-binary-media-types"] = new JsonArray([.. settings.BinaryMediaTypes.Select(t => (JsonNode)t)]),
        };
        // The API's own settings, as Chalice's swagger.py writes them, so that a PutRestApi applies them and the
        // document's hash changes with them. Extensions: https://docs.aws.amazon.com/apigateway/latest/developerguide/
        // api-gateway-swagger-extensions-policy.html, -endpoint-configuration.html, -minimum-compression-size.html.
        if (settings.Policy is { } policy)
            document["x-amazon-apigateway-policy"] = policy.DeepClone();
        if (settings.VpcEndpointIds.Count > 0)
            document["x-amazon-apigateway-endpoint-configuration"] = new JsonObject
            {
                ["vpcEndpointIds"] = new JsonArray([.. settings.VpcEndpointIds.Select(id => (JsonNode)id)]),
            };
        if (settings.MinimumCompressionSize is { } size)
            document["x-amazon-apigateway-minimum-compression-size"] = size;
        var securitySchemes = new JsonObject();
        if (manifest.Routes.Any(r => r.ApiKeyRequired))
            securitySchemes["api_key"] = new JsonObject { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" };
        foreach (var name in manifest.Routes.Select(r => r.Authorizer).OfType<string>().Distinct().Order(StringComparer.Ordinal))
            securitySchemes[name] = AuthorizerScheme.Create(manifest, name, settings);
        if (securitySchemes.Count > 0)
            ((JsonObject)document["components"]!)["securitySchemes"] = securitySchemes;
        return document;
    }

    /// <summary>Base64 SHA-256 of a document's compact JSON: equal documents, equal hashes.</summary>
    public static string Hash(JsonNode document) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())));

    private static JsonObject PathItem(string path, IReadOnlyList<RouteManifest> routes, OpenApiSettings settings)
    {
        var item = new JsonObject();
        var methods = routes.SelectMany(r => r.Methods.Select(m => (Method: m.ToUpperInvariant(), Route: r)))
            .OrderBy(m => m.Method, StringComparer.Ordinal);
        foreach (var (method, route) in methods)
            item[method.ToLowerInvariant()] = Operation(path, route, settings);

        // The preflight the gateway answers itself, a mock integration, for a path whose routes have CORS.
        var methodsInDeclarationOrder = routes.SelectMany(r => r.Methods.Select(m => new KeyValuePair<string, CorsConfig?>(m, ToCorsConfig(r.Cors))));
        if (CorsConfig.GetPreflightHeaders(methodsInDeclarationOrder) is { } preflight)
            item["options"] = Preflight(path, preflight);
        return item;
    }

    /// <summary>A route's CORS settings as the runtime's <see cref="CorsConfig"/>, the one owner of what they mean.</summary>
    internal static CorsConfig? ToCorsConfig(CorsManifest? cors) => cors is null ? null : new CorsConfig
    {
        AllowOrigin = cors.AllowOrigin,
        AllowHeaders = cors.AllowHeaders,
        ExposeHeaders = cors.ExposeHeaders,
        MaxAge = cors.MaxAge,
        AllowCredentials = cors.AllowCredentials,
    };

    private static JsonObject Operation(string path, RouteManifest route, OpenApiSettings settings)
    {
        var operation = new JsonObject();
        if (PathParameters(path) is { Count: > 0 } parameters)
            operation["parameters"] = parameters;
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "200 response",
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = EmptySchema } },
                },
            },
        };
        // One requirement object: the API key and the authorizer both, as Chalice's swagger writes them.
        var security = new JsonObject();
        if (route.ApiKeyRequired)
            security["api_key"] = new JsonArray();
        if (route.Authorizer is { } authorizer)
            security[authorizer] = new JsonArray();
        if (security.Count > 0)
            operation["security"] = new JsonArray(security);
        operation["x-amazon-apigateway-integration"] = new JsonObject
        {
            ["type"] = "aws_proxy",
            ["httpMethod"] = "POST",
            ["uri"] = settings.IntegrationUri.DeepClone(),
            ["passthroughBehavior"] = "when_no_match",
            ["contentHandling"] = "CONVERT_TO_TEXT",
        };
        return operation;
    }

    private static JsonObject Preflight(string path, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var responseHeaders = new JsonObject();
        var responseParameters = new JsonObject();
        foreach (var (name, value) in headers)
        {
            responseHeaders[name] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
            responseParameters[$"method.response.header.{name}"] = $"'{value}'";
        }

        var operation = new JsonObject();
        if (PathParameters(path) is { Count: > 0 } parameters)
            operation["parameters"] = parameters;
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "200 response",
                ["headers"] = responseHeaders,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = EmptySchema } },
                },
            },
        };
        operation["x-amazon-apigateway-integration"] = new JsonObject
        {
            ["type"] = "mock",
            ["requestTemplates"] = new JsonObject { ["application/json"] = """{"statusCode": 200}""" },
            ["passthroughBehavior"] = "when_no_match",
            ["contentHandling"] = "CONVERT_TO_TEXT",
            ["responses"] = new JsonObject
            {
                ["default"] = new JsonObject { ["statusCode"] = "200", ["responseParameters"] = responseParameters },
            },
        };
        return operation;
    }

    private static JsonArray PathParameters(string path) =>
        new([.. PathParameter().Matches(path).Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Groups[1].Value,
            ["in"] = "path",
            ["required"] = true,
            ["schema"] = new JsonObject { ["type"] = "string" },
        })]);

    // {name} or the greedy {name+}; the parameter is named without the plus.
    [GeneratedRegex(@"\{([^}+]+)\+?\}")]
    private static partial Regex PathParameter();
}
