using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;

namespace Chalice.Deploy.HttpApis;

/// <summary>
/// An HTTP API's Lambda authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html):
/// always of type <c>REQUEST</c> (HTTP APIs have no <c>TOKEN</c> type; a token authorizer's header becomes its identity
/// source), the stage's payload format, a TTL, and the <see cref="Function"/> it invokes: one of the app's
/// <c>[Authorizer]</c> methods, or the existing function of a <c>[CustomAuthorizer]</c>. Its routes are <c>CUSTOM</c>.
/// </summary>
/// <param name="Name">The app's authorizer name.</param>
/// <param name="IdentitySource">The identity sources in HTTP API syntax.</param>
/// <param name="PayloadFormatVersion">The stage's payload format, <c>2.0</c> or <c>1.0</c>.</param>
/// <param name="TtlSeconds">How long API Gateway caches an answer per identity.</param>
/// <param name="Function">The function the authorizer invokes.</param>
/// <param name="SimpleResponses">
/// Whether the function answers <c>{"isAuthorized": …}</c> rather than an IAM policy (payload 2.0 only): an app's
/// authorizer whose method returns a <c>SimpleAuthResponse</c>, read that way by the local gateway too
/// (Chalice.Net.Local's GatewayAuthorizers), so that a function that passes locally passes on AWS. Off for a
/// <c>[CustomAuthorizer]</c>, Chalice's REST authorizer, which answers with a policy.
/// </param>
internal sealed record HttpApiLambdaAuthorizer(
    string Name, IReadOnlyList<string> IdentitySource, string PayloadFormatVersion, int TtlSeconds, LambdaAuthorizerFunction Function, bool SimpleResponses)
    : HttpApiAuthorizerDefinition(Name, IdentitySource)
{
    /// <summary>The authorizer type of a Lambda authorizer.</summary>
    public const string RequestType = "REQUEST";

    // REST API mapping expressions (how the manifest writes them) and their HTTP API forms
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html#http-api-lambda-authorizer.identity-sources),
    // with SAM's member for each kind (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-lambdaauthorizationidentity.html).
    private static readonly (string RestPrefix, string HttpPrefix, string SamMember)[] s_sources =
    [
        ("method.request.header.", "$request.header.", "Headers"),
        ("method.request.querystring.", "$request.querystring.", "QueryStrings"),
        ("stageVariables.", "$stageVariables.", "StageVariables"),
        ("context.", "$context.", "Context"),
    ];

    /// <summary>The app's <c>[Authorizer]</c> <paramref name="authorizer"/> on an HTTP API whose routes use <paramref name="payloadFormatVersion"/>.</summary>
    /// <exception cref="InvalidDataException">An identity source HTTP APIs do not have, or simple responses with payload 1.0.</exception>
    public static HttpApiLambdaAuthorizer For(AuthorizerFunctionManifest authorizer, string payloadFormatVersion)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        if (authorizer.SimpleResponses && payloadFormatVersion != "2.0")
        {
            throw new InvalidDataException(
                $"The authorizer '{authorizer.Name}' answers with a SimpleAuthResponse, which HTTP APIs read with payload format 2.0 only; " +
                "this stage's API sends 1.0 (\"api_gateway_type\": \"http\" deploys payload 2.0, or return an AuthResponse).");
        }
        return new HttpApiLambdaAuthorizer(
            authorizer.Name, HttpApiSources(authorizer.Name, authorizer.IdentitySources), payloadFormatVersion, authorizer.TtlSeconds,
            new AppAuthorizerFunction(authorizer.Name), authorizer.SimpleResponses);
    }

    /// <summary>
    /// The <c>[CustomAuthorizer]</c> <paramref name="authorizer"/> on an HTTP API whose routes use
    /// <paramref name="payloadFormatVersion"/>: its function's invocation URI as a REST API's authorizer has it.
    /// </summary>
    /// <exception cref="InvalidDataException">An identity source HTTP APIs do not have.</exception>
    public static HttpApiLambdaAuthorizer For(CustomAuthorizerManifest authorizer, string payloadFormatVersion)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        return new HttpApiLambdaAuthorizer(
            authorizer.Name, HttpApiSources(authorizer.Name, authorizer.IdentitySources), payloadFormatVersion, authorizer.TtlSeconds,
            new ExistingAuthorizerFunction(AuthorizerScheme.InvocationUri(authorizer.AuthorizerUri)), SimpleResponses: false);
    }

    /// <inheritdoc/>
    public override string AuthorizerType => RequestType;

    /// <inheritdoc/>
    public override string RouteAuthorizationType => CustomAuthorization;

    /// <summary>Simple responses exist for payload 2.0 only; a payload 1.0 authorizer leaves the member out.</summary>
    public bool? EnableSimpleResponses => PayloadFormatVersion == "2.0" ? SimpleResponses : null;

    /// <inheritdoc/>
    public override HttpApiAuthorizerRequest Request(string apiId, string authorizerId, string? authorizerUri) => new()
    {
        ApiId = apiId,
        AuthorizerId = authorizerId,
        Name = Name,
        AuthorizerType = RequestType,
        AuthorizerUri = authorizerUri,
        AuthorizerPayloadFormatVersion = PayloadFormatVersion,
        AuthorizerResultTtlInSeconds = TtlSeconds,
        EnableSimpleResponses = EnableSimpleResponses,
        IdentitySource = IdentitySource,
    };

    /// <inheritdoc/>
    public override JsonObject CloudFormationProperties(JsonNode apiId, IReadOnlyDictionary<string, string> functionIds)
    {
        var properties = new JsonObject
        {
            ["ApiId"] = apiId,
            ["Name"] = Name,
            ["AuthorizerType"] = RequestType,
            ["AuthorizerUri"] = Function.TemplateInvocationUri(functionIds),
            ["AuthorizerPayloadFormatVersion"] = PayloadFormatVersion,
            ["AuthorizerResultTtlInSeconds"] = TtlSeconds,
            ["IdentitySource"] = IdentitySourceList(),
        };
        if (EnableSimpleResponses is { } simple)
            properties["EnableSimpleResponses"] = simple;
        return properties;
    }

    /// <summary>
    /// SAM's LambdaAuthorizer (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-lambdaauthorizer.html):
    /// the identity sources by kind without their prefixes, the TTL as <c>ReauthorizeEvery</c>. SAM's
    /// <c>EnableFunctionDefaultPermissions</c> stays off: an app's function gets a narrower permission of its own
    /// (HttpApiTemplate.AddAuthorizerPermissions), an existing function's owner grants it.
    /// </summary>
    public override JsonObject SamAuthorizer(IReadOnlyDictionary<string, string> functionIds)
    {
        var identity = new JsonObject { ["ReauthorizeEvery"] = TtlSeconds };
        foreach (var (_, prefix, member) in s_sources)
        {
            var names = IdentitySource.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Select(s => (JsonNode)s[prefix.Length..]).ToArray();
            if (names.Length > 0)
                identity[member] = new JsonArray(names);
        }
        var properties = new JsonObject
        {
            ["FunctionArn"] = Function.TemplateFunctionArn(functionIds),
            ["AuthorizerPayloadFormatVersion"] = PayloadFormatVersion,
            ["Identity"] = identity,
        };
        if (EnableSimpleResponses is { } simple)
            properties["EnableSimpleResponses"] = simple;
        return properties;
    }

    /// <inheritdoc/>
    protected override string? SettingsDifference(HttpApiAuthorizer existing, string? authorizerUri)
    {
        if (existing.AuthorizerUri != authorizerUri)
            return "the authorizer calls another function";
        if (existing.AuthorizerPayloadFormatVersion != PayloadFormatVersion)
            return $"the authorizer's payload format is {existing.AuthorizerPayloadFormatVersion}, not {PayloadFormatVersion}";
        if ((existing.AuthorizerResultTtlInSeconds ?? 0) != TtlSeconds)
            return $"the authorizer's TTL is {existing.AuthorizerResultTtlInSeconds ?? 0} s, not {TtlSeconds} s";
        if ((existing.EnableSimpleResponses ?? false) != (EnableSimpleResponses ?? false))
            return (EnableSimpleResponses ?? false) ? "the authorizer expects IAM policies" : "the authorizer expects simple responses";
        return null;
    }

    private static List<string> HttpApiSources(string authorizer, IEnumerable<string> sources) =>
        [.. sources.Select(source => HttpApiSource(authorizer, source))];

    private static string HttpApiSource(string authorizer, string source)
    {
        foreach (var (rest, http, _) in s_sources)
        {
            if (source.StartsWith(rest, StringComparison.Ordinal))
                return http + source[rest.Length..];
        }
        throw new InvalidDataException($"The authorizer '{authorizer}' reads its identity from {source}, which HTTP APIs do not have.");
    }
}
