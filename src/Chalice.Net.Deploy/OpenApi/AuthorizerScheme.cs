using System.Text.Json.Nodes;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.OpenApi;

/// <summary>
/// The security scheme of a Lambda authorizer in the REST API's OpenAPI document, as API Gateway imports it
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html and
/// api-gateway-swagger-extensions-authtype.html): an <c>apiKey</c> scheme with <c>x-amazon-apigateway-authtype: custom</c>
/// and <c>x-amazon-apigateway-authorizer</c> giving its type (<c>token</c>, <c>request</c>), its function's invocation
/// URI, its TTL and, for a <c>request</c> authorizer, its identity sources joined with commas. Chalice writes its
/// built-in authorizers the same way (chalice/deploy/swagger.py, <c>_generate_security_from_auth_obj</c>). The declared
/// kinds are written as Chalice's <c>to_swagger</c> writes them (chalice/app.py): a Cognito user pool as
/// <c>cognito_user_pools</c> with its <c>providerARNs</c>, IAM as <c>awsSigv4</c>, an existing function as <c>custom</c>
/// with its invocation URI.
/// </summary>
internal static class AuthorizerScheme
{
    private const string HeaderSource = "method.request.header.";

    /// <exception cref="InvalidOperationException">The authorizer is not one the app declares, or its function is not deployed.</exception>
    /// <exception cref="InvalidDataException">The authorizer is of a kind a REST API does not have (JWT, simple responses).</exception>
    public static JsonObject Create(AppManifest manifest, string name, OpenApiSettings settings)
    {
        if (manifest.Authorizers.FirstOrDefault(a => a.Name == name) is { } declared)
            return Declared(declared);
        var authorizer = manifest.Functions.OfType<AuthorizerFunctionManifest>().FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidOperationException(
                $"Routes use the authorizer '{name}', which the app does not declare as an [Authorizer] method; only built-in authorizers are deployed yet.");
        if (authorizer.SimpleResponses)
        {
            throw new InvalidDataException(
                $"The authorizer '{name}' answers with a SimpleAuthResponse, which only HTTP APIs read; this app deploys a REST API " +
                "(return an AuthResponse, or deploy an HTTP API with \"api_gateway_type\": \"http\").");
        }
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

    private static JsonObject Declared(ApiAuthorizerManifest authorizer) => authorizer switch
    {
        CognitoUserPoolAuthorizerManifest cognito => Scheme(cognito.Header, "cognito_user_pools", new JsonObject
        {
            ["type"] = "cognito_user_pools",
            ["providerARNs"] = new JsonArray([.. cognito.ProviderArns.Select(arn => (JsonNode)arn)]),
        }),
        IamAuthorizerManifest => Scheme("Authorization", "awsSigv4", details: null),
        CustomAuthorizerManifest custom => Scheme(
            custom.IdentitySources.FirstOrDefault(s => s.StartsWith(HeaderSource, StringComparison.Ordinal))?[HeaderSource.Length..] ?? "Unused",
            "custom", CustomDetails(custom)),
        // The user's mistake, said in one line as the HTTP API's refusals are (InvalidDataException).
        JwtAuthorizerManifest => throw new InvalidDataException(
            $"The authorizer '{authorizer.Name}' is a JWT authorizer, which only HTTP APIs have; this app deploys a REST API (\"api_gateway_type\": \"http\" deploys an HTTP API)."),
        _ => throw new InvalidOperationException($"No OpenAPI security scheme for the authorizer kind {authorizer.GetType().Name}."),
    };

    private static JsonObject CustomDetails(CustomAuthorizerManifest custom)
    {
        var isToken = custom.Type == "TOKEN";
        var details = new JsonObject
        {
            ["type"] = isToken ? "token" : "request",
            ["authorizerUri"] = InvocationUri(custom.AuthorizerUri),
            ["authorizerResultTtlInSeconds"] = custom.TtlSeconds,
        };
        if (!isToken)
            details["identitySource"] = string.Join(", ", custom.IdentitySources);
        return details;
    }

    /// <summary>
    /// API Gateway's invocation URI of a function, which <c>authorizerUri</c> must be
    /// (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html): a function ARN is turned into
    /// one in its own region and partition, an invocation URI is kept.
    /// </summary>
    internal static string InvocationUri(string functionArnOrUri)
    {
        var parts = functionArnOrUri.Split(':');
        if (parts.Length < 7 || parts[2] != "lambda")
            return functionArnOrUri;
        return OpenApiSettings.LambdaIntegrationUri(parts[1], parts[3], functionArnOrUri);
    }

    /// <summary>
    /// The function ARN of <see cref="InvocationUri"/>'s answer, its inverse: an invocation URI's function, a function
    /// ARN as it is (what SAM's <c>FunctionArn</c> wants).
    /// </summary>
    /// <exception cref="InvalidDataException">Neither a function ARN nor an invocation URI of one (the generator refuses those).</exception>
    internal static string FunctionArn(string functionArnOrUri)
    {
        const string Functions = ":lambda:path/2015-03-31/functions/", Invocations = "/invocations";
        var start = functionArnOrUri.IndexOf(Functions, StringComparison.Ordinal);
        if (start >= 0 && functionArnOrUri.EndsWith(Invocations, StringComparison.Ordinal))
            return functionArnOrUri[(start + Functions.Length)..^Invocations.Length];
        if (functionArnOrUri.Split(':') is [_, _, "lambda", _, _, "function", _, ..])
            return functionArnOrUri;
        throw new InvalidDataException(
            $"'{functionArnOrUri}' is neither a Lambda function's ARN nor API Gateway's invocation URI of one.");
    }

    private static JsonObject Scheme(string header, string authType, JsonObject? details)
    {
        var scheme = new JsonObject
        {
            ["type"] = "apiKey",
            ["name"] = header,
            ["in"] = "header",
            ["x-amazon-apigateway-authtype"] = authType,
        };
        if (details is not null)
            scheme["x-amazon-apigateway-authorizer"] = details;
        return scheme;
    }
}
