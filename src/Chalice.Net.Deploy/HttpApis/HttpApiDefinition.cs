using Chalice.Configuration;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;

namespace Chalice.Deploy.HttpApis;

/// <summary>
/// What an app's HTTP API (API Gateway v2) is made of: one route per method and path (<c>GET /objects/{key}</c>), all
/// integrated with the API's function through one Lambda proxy integration of the stage's payload format, and the
/// API's CORS configuration, and the authorizers its routes use: the app's built-in <c>[Authorizer]</c> methods and its
/// <c>[CustomAuthorizer]</c>s as Lambda authorizers, its <c>[JwtAuthorizer]</c>s as JWT authorizers.
/// The deployer and the templates both build the API from this, so they cannot disagree.
/// </summary>
/// <param name="RouteKeys">The route keys, sorted.</param>
/// <param name="PayloadFormatVersion">The Lambda event's format: <c>2.0</c> or <c>1.0</c>.</param>
/// <param name="Cors">The API's CORS configuration, or null when no route has CORS.</param>
/// <param name="Authorizers">The authorizers some route uses, by name, sorted.</param>
/// <param name="RouteAuthorizers">The authorizer of each route key that has one.</param>
/// <param name="IamRouteKeys">
/// The route keys of an <c>[IamAuthorizer]</c>: <c>AWS_IAM</c> routes, which need no authorizer resource
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html).
/// </param>
internal sealed record HttpApiDefinition(
    IReadOnlyList<string> RouteKeys,
    string PayloadFormatVersion,
    HttpApiCors? Cors,
    IReadOnlyList<HttpApiAuthorizerDefinition> Authorizers,
    IReadOnlyDictionary<string, string> RouteAuthorizers,
    IReadOnlySet<string> IamRouteKeys)
{
    /// <summary>The authorization type of a route signed with SigV4 by an IAM principal.</summary>
    public const string IamAuthorization = "AWS_IAM";

    /// <summary>The stage an HTTP API serves at the root of its endpoint, which deploys every change at once.</summary>
    public const string DefaultStage = "$default";

    /// <summary>The integration type of a Lambda proxy integration.</summary>
    public const string LambdaProxy = "AWS_PROXY";

    /// <summary>The definition of <paramref name="manifest"/>'s routes on an HTTP API of <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidDataException">A route uses what an HTTP API cannot serve as the app declares it.</exception>
    public static HttpApiDefinition For(AppManifest manifest, ApiKind kind)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!kind.IsHttpApi())
            throw new ArgumentException($"A {ApiKinds.NameOf(kind)} API is not an HTTP API.", nameof(kind));
        foreach (var route in manifest.Routes)
        {
            // HTTP APIs have no API keys (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html):
            // it would be left out, so it is refused instead.
            if (route.ApiKeyRequired)
                throw new InvalidDataException(
                    $"Route {route.Path} requires an API key, which HTTP APIs do not have; use \"api_gateway_type\": \"rest\", or drop the API key.");
        }
        var payloadFormatVersion = kind.PayloadFormatVersion();
        // Each authorizer an HTTP API has, by name; made only for those routes use.
        var authorizerKinds = new Dictionary<string, Func<HttpApiAuthorizerDefinition>>(StringComparer.Ordinal);
        foreach (var function in manifest.Functions.OfType<AuthorizerFunctionManifest>())
            authorizerKinds[function.Name] = () => HttpApiLambdaAuthorizer.For(function, payloadFormatVersion);
        foreach (var custom in manifest.Authorizers.OfType<CustomAuthorizerManifest>())
            authorizerKinds[custom.Name] = () => HttpApiLambdaAuthorizer.For(custom, payloadFormatVersion);
        foreach (var jwt in manifest.Authorizers.OfType<JwtAuthorizerManifest>())
            authorizerKinds[jwt.Name] = () => HttpApiJwtAuthorizer.For(jwt);
        var iam = manifest.Authorizers.OfType<IamAuthorizerManifest>().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var iamKeys = new SortedSet<string>(StringComparer.Ordinal);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var routeAuthorizers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var route in manifest.Routes)
        {
            // HTTP APIs have no Cognito authorizer type: a user pool is a JWT issuer
            // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html).
            if (route.Authorizer is { } pool && manifest.Authorizers.OfType<CognitoUserPoolAuthorizerManifest>().Any(a => a.Name == pool))
                throw new InvalidDataException(
                    $"Route {route.Path} uses the Cognito authorizer '{pool}', which HTTP APIs do not have; declare a [JwtAuthorizer] with the pool's issuer (https://cognito-idp.{{region}}.amazonaws.com/{{userPoolId}}) and its app client ids as audiences.");
            // A name the app does not declare would leave the route open: refused.
            if (route.Authorizer is { } name && !authorizerKinds.ContainsKey(name) && !iam.Contains(name))
                throw new InvalidDataException(
                    $"Route {route.Path} uses the authorizer '{name}', which is not an [Authorizer] method, a [CustomAuthorizer], a [JwtAuthorizer] or an [IamAuthorizer] of the app.");
            foreach (var key in route.Methods.Select(m => $"{m.ToUpperInvariant()} {route.Path}"))
            {
                keys.Add(key);
                if (route.Authorizer is { } authorizer && iam.Contains(authorizer))
                    iamKeys.Add(key);
                else if (route.Authorizer is { } other)
                    routeAuthorizers[key] = other;
            }
        }
        var authorizers = routeAuthorizers.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => authorizerKinds[name]())
            .ToList();
        return new HttpApiDefinition([.. keys], payloadFormatVersion, CorsOf(manifest), authorizers, routeAuthorizers, iamKeys);
    }

    /// <summary>The authorizer of the route <paramref name="routeKey"/>, or null when the route is open.</summary>
    public HttpApiAuthorizerDefinition? AuthorizerOf(string routeKey) =>
        RouteAuthorizers.TryGetValue(routeKey, out var name) ? Authorizers.First(a => a.Name == name) : null;

    /// <summary>The authorization type of the route <paramref name="routeKey"/>: <c>AWS_IAM</c>, its authorizer's, or <c>NONE</c>.</summary>
    public string AuthorizationTypeOf(string routeKey) =>
        IamRouteKeys.Contains(routeKey) ? IamAuthorization
        : AuthorizerOf(routeKey)?.RouteAuthorizationType ?? HttpApiAuthorizerDefinition.NoAuthorization;

    /// <summary>The target of a route integrated with <paramref name="integrationId"/>.</summary>
    public static string RouteTarget(string integrationId) => $"integrations/{integrationId}";

    /// <summary>Whether two CORS configurations are the same (null: none).</summary>
    public static bool SameCors(HttpApiCors? left, HttpApiCors? right)
    {
        static IEnumerable<string> Items(IReadOnlyList<string>? items) => items ?? [];
        return (left, right) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => (left.AllowCredentials ?? false) == (right.AllowCredentials ?? false)
                 && (left.MaxAge ?? -1) == (right.MaxAge ?? -1)
                 && Items(left.AllowOrigins).SequenceEqual(Items(right.AllowOrigins))
                 && Items(left.AllowHeaders).SequenceEqual(Items(right.AllowHeaders), StringComparer.OrdinalIgnoreCase)
                 && Items(left.AllowMethods).SequenceEqual(Items(right.AllowMethods))
                 && Items(left.ExposeHeaders).SequenceEqual(Items(right.ExposeHeaders), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The API's <c>corsConfiguration</c>: <see cref="HttpApiCorsConfiguration"/>'s, the one rule the emulator answers by too.</summary>
    private static HttpApiCors? CorsOf(AppManifest manifest) =>
        HttpApiCorsConfiguration.For(manifest.Routes.Select(r => (r.Path, (IReadOnlyList<string>)r.Methods, OpenApiDocument.ToCorsConfig(r.Cors))))
            is { } cors
            ? new HttpApiCors
            {
                AllowOrigins = [cors.AllowOrigin],
                AllowHeaders = cors.AllowHeaders,
                AllowMethods = cors.AllowMethods,
                ExposeHeaders = cors.ExposeHeaders.Count > 0 ? cors.ExposeHeaders : null,
                MaxAge = cors.MaxAge,
                AllowCredentials = cors.AllowCredentials ? true : null,
            }
            : null;
}
