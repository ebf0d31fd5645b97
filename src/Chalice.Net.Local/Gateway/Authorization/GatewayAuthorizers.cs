using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Functions;
using Chalice.Hosting;
using Chalice.Routing;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// The authorizers in front of the emulated gateway, shared by the local emulator and the test client: for a route
/// that names one, reads its identity sources from the request (401 without calling it when one is missing), calls a
/// built-in authorizer with the event API Gateway sends it (or takes its policy from the cache), evaluates the policy
/// against the request's method ARN, and hands the gateway its verdict and the context the handler sees. Declared
/// authorizers are checked here too: Cognito and JWT tokens (<see cref="TokenAuthorizers"/>), IAM signatures
/// (<see cref="SignatureAuthorizer"/>). An authorizer that cannot run locally (a function outside the app, a kind the
/// API type does not have) denies every request, unless <see cref="GatewayOptions.AllowUnavailableAuthorizers"/>
/// lets them through, each with a warning: a route with an authorizer is never served unauthenticated in silence.
/// </summary>
internal sealed class GatewayAuthorizers
{
    private readonly FrozenDictionary<string, FunctionDefinition> _builtIn;
    private readonly AuthorizerInvoker? _invoke;
    private readonly Action<string> _warn;
    private readonly GatewayOptions _options;
    private readonly AuthorizerCache _cache;
    private readonly FrozenDictionary<string, ApiAuthorizerDefinition> _declared;
    private readonly TokenAuthorizers? _tokens;
    private readonly SignatureAuthorizer _signatures;

    /// <param name="routes">The routes, to warn once about each whose authorizer cannot run here.</param>
    /// <param name="options">The gateway's options.</param>
    /// <param name="time">The clock of the cache.</param>
    /// <param name="functions">The app's authorizers; null when the gateway has none it can run.</param>
    public GatewayAuthorizers(RouteTable routes, GatewayOptions options, TimeProvider time, LocalAuthorizerFunctions? functions)
    {
        _options = options;
        _builtIn = (functions?.Functions ?? []).ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        _invoke = functions?.Invoke;
        _warn = functions?.Warn ?? (message => Console.Error.WriteLine("warning: " + message));
        _cache = new AuthorizerCache(time);
        _declared = (functions?.Declared ?? []).ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        _tokens = functions?.SigningKey is { } key ? new TokenAuthorizers(key, time) : null;
        _signatures = new SignatureAuthorizer(time);
        var routesOfResources = routes.Resources.SelectMany(r => r.Methods.Select(m => r.Find(m)!)).Distinct();
        foreach (var route in routesOfResources)
        {
            if (route.Authorizer is { } name && !CanRun(name))
                _warn(UnavailableWarning(route, name, WhyNot(name)));
        }
    }

    /// <summary>
    /// Whether the gateway can run the authorizer <paramref name="name"/>: one of the app's functions (answering simple
    /// responses only behind an HTTP API with payload 2.0), or a Cognito user pool (REST APIs) or JWT (HTTP APIs)
    /// authorizer when it has a key to check tokens with.
    /// </summary>
    public bool CanRun(string name) => WhyNot(name) is null;

    /// <summary>Why an authorizer cannot run here; null when it can.</summary>
    private string? WhyNot(string name) => _declared.GetValueOrDefault(name) switch
    {
        null => _builtIn.TryGetValue(name, out var function) ? WhyNot(function) : "it is not one of the app's [Authorizer] methods",
        CognitoUserPoolAuthorizerDefinition when _options.ApiType != ApiGatewayType.Rest =>
            "Cognito user pool authorizers exist on REST APIs only; an HTTP API checks a pool's tokens with a [JwtAuthorizer] of its issuer",
        JwtAuthorizerDefinition when _options.ApiType == ApiGatewayType.Rest =>
            "JWT authorizers exist on HTTP APIs only; a REST API checks a pool's tokens with a [CognitoUserPoolAuthorizer]",
        CognitoUserPoolAuthorizerDefinition or JwtAuthorizerDefinition => _tokens is null ? "this gateway has no key to check tokens with" : null,
        IamAuthorizerDefinition => null,
        CustomAuthorizerDefinition custom => $"it is the Lambda function {custom.AuthorizerUri}, which is not in the app",
        _ => "the local gateway does not know its kind",
    };

    /// <summary>Why the app's authorizer function cannot run here; null when it can.</summary>
    private string? WhyNot(FunctionDefinition function) =>
        ((AuthorizerSettings)function.Source!).SimpleResponses && _options.ApiType != ApiGatewayType.HttpPayloadV2
            ? "it answers with a SimpleAuthResponse, and simple responses exist on HTTP APIs with payload format 2.0 only; return an AuthResponse"
            : null;

    /// <summary>Decides on a request to <paramref name="route"/>, which has an authorizer.</summary>
    /// <param name="route">The route, whose <see cref="RouteDefinition.Authorizer"/> is set.</param>
    /// <param name="request">The request as the client sent it.</param>
    /// <param name="methodArn">The ARN of the method called (<c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH</c>).</param>
    /// <param name="proxyEvent">The proxy event of the request without an authorizer, from which a <c>REQUEST</c> authorizer's event is made.</param>
    /// <param name="onFailure">Told when the authorizer fails.</param>
    /// <param name="cancellationToken">Signalled when the client goes away.</param>
    public async ValueTask<AuthorizationOutcome> AuthorizeAsync(
        RouteDefinition route, GatewayRequest request, string methodArn, Func<byte[]> proxyEvent, Action<Exception>? onFailure,
        CancellationToken cancellationToken)
    {
        var name = route.Authorizer!;
        var runnable = CanRun(name);
        if (runnable)
        {
            switch (_declared.GetValueOrDefault(name))
            {
                case IamAuthorizerDefinition:
                    return _signatures.Authorize(request, _options.AccountId, _options.ApiType);
                case CognitoUserPoolAuthorizerDefinition cognito:
                    return _tokens!.Authorize(cognito, request);
                case JwtAuthorizerDefinition jwt:
                    return _tokens!.Authorize(jwt, request);
            }
        }
        if (!runnable || !_builtIn.TryGetValue(name, out var function) || _invoke is null)
        {
            if (!_options.AllowUnavailableAuthorizers)
                return AuthorizationOutcome.Of(AuthorizationVerdict.ImplicitDeny);
            _warn($"{Describe(route)} is served WITHOUT its authorizer '{name}', which cannot run locally " +
                  "(\"local_authorizers\": \"allow\"); AWS would authorize this request");
            return AuthorizationOutcome.Of(AuthorizationVerdict.Allowed);
        }

        var settings = (AuthorizerSettings)function.Source!;
        var identity = IdentityValues(settings, request);
        if (identity is null)
            return AuthorizationOutcome.Of(AuthorizationVerdict.Unauthorized);

        var key = AuthorizerCache.Key(name, identity);
        var answer = _cache.Find(key);
        if (answer is null)
        {
            var outcome = await InvokeAsync(function, settings, identity, methodArn, proxyEvent, onFailure, cancellationToken).ConfigureAwait(false);
            if (outcome.Answer is not { } answered)
                return AuthorizationOutcome.Of(outcome.Verdict);
            answer = answered;
            _cache.Add(key, answer, settings.TtlSeconds);
        }

        try
        {
            return Decide(answer, methodArn);
        }
        catch (MalformedPolicyException e)
        {
            onFailure?.Invoke(e);
            return AuthorizationOutcome.Of(AuthorizationVerdict.Failed);
        }
    }

    /// <summary>
    /// API Gateway's verdict on <paramref name="answer"/> for the method <paramref name="methodArn"/>: a policy is
    /// evaluated against it; a simple response allows or refuses every route
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html). The guide shows
    /// no body for a refusal: it is answered as a policy that allows nothing is, HTTP APIs' 403
    /// <c>{"message":"Forbidden"}</c> (inferred, not recorded).
    /// </summary>
    /// <exception cref="MalformedPolicyException">The policy or the context is not one API Gateway accepts.</exception>
    private AuthorizationOutcome Decide(AuthorizerAnswer answer, string methodArn)
    {
        if (answer.Simple is { } simple)
        {
            return simple.IsAuthorized
                ? new AuthorizationOutcome(AuthorizationVerdict.Allowed, HandlerContext(null, simple.Context))
                : AuthorizationOutcome.Of(AuthorizationVerdict.ImplicitDeny);
        }
        var policy = answer.Policy!;
        return IamPolicyEvaluator.Evaluate(policy.PolicyDocument, methodArn) switch
        {
            PolicyDecision.Allow => new AuthorizationOutcome(AuthorizationVerdict.Allowed, HandlerContext(policy.PrincipalId, policy.Context)),
            PolicyDecision.ExplicitDeny => AuthorizationOutcome.Of(AuthorizationVerdict.ExplicitDeny),
            _ => AuthorizationOutcome.Of(AuthorizationVerdict.ImplicitDeny),
        };
    }

    /// <summary>
    /// The values of the authorizer's identity sources, in order; null when one is missing or empty, which API Gateway
    /// answers with a 401 without calling the authorizer
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html).
    /// </summary>
    private string[]? IdentityValues(AuthorizerSettings settings, GatewayRequest request)
    {
        var values = new string[settings.IdentitySources.Count];
        Dictionary<string, List<string>>? query = null;
        for (var i = 0; i < values.Length; i++)
        {
            var source = settings.IdentitySources[i];
            string? value;
            if (source.StartsWith(IdentitySource.Header, StringComparison.Ordinal))
            {
                value = request.Header(source[IdentitySource.Header.Length..]);
            }
            else if (source.StartsWith(IdentitySource.Query, StringComparison.Ordinal))
            {
                query ??= QueryString.Parse(request.QueryString);
                value = query.TryGetValue(source[IdentitySource.Query.Length..], out var list) ? list[^1] : null;
            }
            else if (source.StartsWith(IdentitySource.StageVariable, StringComparison.Ordinal))
            {
                value = _options.StageVariables?.GetValueOrDefault(source[IdentitySource.StageVariable.Length..]);
            }
            else
            {
                value = ContextValue(source[IdentitySource.Context.Length..], request);
            }
            if (string.IsNullOrEmpty(value))
                return null;
            values[i] = value;
        }
        return values;
    }

    /// <summary>The <c>$context</c> variables the local gateway knows; another is a warning and counts as missing.</summary>
    private string? ContextValue(string variable, GatewayRequest request)
    {
        switch (variable)
        {
            case "identity.sourceIp":
                return request.SourceIp;
            case "identity.userAgent":
                return request.Header("User-Agent");
            case "httpMethod":
                return request.Method;
            case "stage":
                return _options.EffectiveStage;
            case "apiId":
                return _options.ApiId;
            case "accountId":
                return _options.AccountId;
            default:
                _warn($"the identity source context.{variable} has no local value; the request counts as missing it (401)");
                return null;
        }
    }

    private async ValueTask<(AuthorizationVerdict Verdict, AuthorizerAnswer? Answer)> InvokeAsync(
        FunctionDefinition function, AuthorizerSettings settings, string[] identity, string methodArn, Func<byte[]> proxyEvent,
        Action<Exception>? onFailure, CancellationToken cancellationToken)
    {
        byte[] result;
        try
        {
            var eventJson = AuthorizerEvents.Create(_options.ApiType, settings, identity, methodArn, proxyEvent);
            var invocation = _invoke!(function, eventJson, cancellationToken);
            result = invocation.IsCompletedSuccessfully
                ? invocation.Result
                : await invocation.AsTask().WaitAsync(_options.IntegrationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e.Message == AuthorizerUnauthorizedException.ErrorMessage && !cancellationToken.IsCancellationRequested)
        {
            // Lambda's error message "Unauthorized", whoever raised it, is the one failure API Gateway answers with 401.
            return (AuthorizationVerdict.Unauthorized, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            onFailure?.Invoke(e);
            return (AuthorizationVerdict.Failed, null);
        }
        try
        {
            return (AuthorizationVerdict.Allowed, settings.SimpleResponses
                ? AuthorizerAnswer.Of(LambdaEventJson.Parse<HttpApiV2AuthorizerSimpleResponse>(result))
                : AuthorizerAnswer.Of(LambdaEventJson.Parse<ApiGatewayAuthorizerResponse>(result)));
        }
        catch (JsonException e)
        {
            var expected = settings.SimpleResponses ? "an isAuthorized and a context" : "a principalId and a policyDocument";
            onFailure?.Invoke(new MalformedPolicyException($"the answer is not {expected} ({e.Message})"));
            return (AuthorizationVerdict.Failed, null);
        }
    }

    /// <summary>
    /// What the handler sees in <c>requestContext.authorizer</c>: behind a REST API (and an HTTP API with payload 1.0)
    /// the principal id beside the context values (shared/fixtures/events/apigw-request.json); behind an HTTP API with
    /// payload 2.0 the context under <c>lambda</c> (apigw-v2-request-lambda-authorizer.json), whichever form the answer
    /// had. A context value that is an object or an array is refused, as API Gateway refuses it
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
    /// </summary>
    private JsonObject HandlerContext(string? principalId, JsonObject? answered)
    {
        var values = new JsonObject();
        foreach (var (key, value) in answered ?? [])
        {
            if (value is JsonObject or JsonArray)
                throw new MalformedPolicyException($"the context value '{key}' is an object or an array; API Gateway takes strings, numbers and booleans");
            values[key] = value?.DeepClone();
        }
        if (_options.ApiType == ApiGatewayType.HttpPayloadV2)
            return new JsonObject { ["lambda"] = values };
        var context = new JsonObject { ["principalId"] = principalId };
        foreach (var (key, value) in values.ToArray())
        {
            values.Remove(key);
            context[key] = value;
        }
        return context;
    }

    private static string Describe(RouteDefinition route) => $"{string.Join(",", route.Methods)} {route.Path}";

    private static string UnavailableWarning(RouteDefinition route, string name, string? reason) =>
        $"{Describe(route)} names the authorizer '{name}', which cannot run locally ({reason}); the local gateway denies its " +
        "requests (403). To let them through unauthenticated, with a warning each, set \"local_authorizers\": \"allow\" in " +
        ".chalice/config.json (or GatewayOptions.AllowUnavailableAuthorizers).";
}
