using System.Text.Json.Nodes;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.OpenApi;

/// <summary>
/// The security scheme of a Lambda authorizer in the REST API's OpenAPI document, as API Gateway imports it
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html and
/// api-gateway-swagger-extensions-authtype.html): an <c>apiKey</c> scheme with <c>x-amazon-apigateway-authtype: custom</c>
/// and <c>x-amazon-apigateway-authorizer</c> giving its type (<c>token</c>, <c>request</c>), its function's invocation
/// URI, its TTL and, for a <c>request</c> authorizer, its identity sources joined with commas. Chalice writes its
/// built-in authorizers the same way (chalice/deploy/swagger.py, <c>_generate_security_from_auth_obj</c>).
/// </summary>
internal static class AuthorizerScheme
{
    private const string HeaderSource = "method.request.header.";

    /// <exception cref="InvalidOperationException">The authorizer is not one the app declares, or its function is not deployed.</exception>
    public static JsonObject Create(AppManifest manifest, string name, OpenApiSettings settings)
    {
        var authorizer = manifest.Functions.OfType<AuthorizerFunctionManifest>().FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidOperationException(
                $"Routes use the authorizer '{name}', which the app does not declare as an [Authorizer] method; only built-in authorizers are deployed yet.");
        if (!settings.AuthorizerUris.TryGetValue(name, out var uri))
        {
            throw new InvalidOperationException(
                $"Routes use the authorizer '{name}', whose Lambda function this chalice-net does not deploy yet; the API would be deployed open, so it is not deployed.");
        }
        var isToken = authorizer.Type == "TOKEN";
        var details = new JsonObject
        {
            ["type"] = isToken ? "token" : "request",
            ["authorizerUri"] = uri.DeepClone(),
            ["authorizerResultTtlInSeconds"] = authorizer.TtlSeconds,
        };
        if (!isToken)
            details["identitySource"] = string.Join(", ", authorizer.IdentitySources);
        return new JsonObject
        {
            ["type"] = "apiKey",
            // The header of a TOKEN authorizer (or of a REQUEST authorizer's first header source); API Gateway reads a
            // REQUEST authorizer's identitySource, and AWS's samples name a scheme without a header "Unused".
            ["name"] = authorizer.IdentitySources.FirstOrDefault(s => s.StartsWith(HeaderSource, StringComparison.Ordinal))?[HeaderSource.Length..] ?? "Unused",
            ["in"] = "header",
            ["x-amazon-apigateway-authtype"] = "custom",
            ["x-amazon-apigateway-authorizer"] = details,
        };
    }
}
