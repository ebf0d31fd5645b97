using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.HttpApis;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the HTTP API (API Gateway v2) of a stage whose <c>"api_gateway_type"</c> is <c>http</c> or <c>http-v1</c>: the
/// API (tagged, with its CORS configuration), one Lambda proxy integration with the stage's payload format, one route
/// per method and path, the authorizers the routes use (<see cref="HttpApiAuthorizerDefinition"/>: a Lambda authorizer
/// for a built-in or custom one, the route then <c>CUSTOM</c> with its id; a JWT authorizer, the route <c>JWT</c>), and
/// the <c>$default</c> stage with automatic deployment, so every change is live at once.
/// An existing API is found by the recorded id, else by name; only what differs from the app is changed (a changed
/// route is one call), and routes, integrations and authorizers the app no longer has are deleted. Publishes the API's id.
/// </summary>
internal sealed class HttpApiPlanner : ResourcePlanner<DeployedHttpApi>
{
    /// <summary>The API's logical name, after Chalice's <c>rest_api</c> and <c>websocket_api</c>.</summary>
    public const string LogicalName = "http_api";

    private const string IntegrationIdDescription = "integration id";

    private const string AuthorizerIdDescription = "authorizer id";

    /// <summary>The HTTP API's id.</summary>
    public static Export<string> HttpApiId { get; } = new("HTTP API id");

    /// <inheritdoc/>
    public override string ResourceType => "http_api";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [FunctionPlanner.FunctionArn, FunctionPlanner.FunctionArns];

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Produces => [HttpApiId];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var spec = context.Spec;
        var kind = spec.Config.ApiGatewayType;
        if (!kind.IsHttpApi() || spec.Manifest.Routes.Count == 0)
            return;
        var names = context.Names;
        var v2 = context.Aws.ApiGatewayV2;
        var definition = HttpApiDefinition.For(spec.Manifest, kind);
        var shape = new ApiShape(names, definition, context.Region, context.Partition);
        var resource = context.Resource(LogicalName, names.Base, definition);
        var functionArn = resource.Uses(context.Require(FunctionPlanner.FunctionArn));
        var functions = context.Require(FunctionPlanner.FunctionArns).TryGetKnown(out var arns)
            ? arns : throw new InvalidOperationException($"{nameof(HttpApiPlanner)} needs the map of function ARNs while planning.");
        // The URI each Lambda authorizer invokes: an app function's once it exists, a custom authorizer's as declared.
        // A JWT authorizer calls no function: it has no URI.
        var authorizerUris = definition.Authorizers.OfType<HttpApiLambdaAuthorizer>().ToDictionary(
            a => a.Name,
            a => a.Function switch
            {
                AppAuthorizerFunction app => resource.Uses(functions.Of(app.FunctionName))
                    .Select($"invocation URI of the authorizer {a.Name}", arn => shape.InvocationUri(arn)),
                ExistingAuthorizerFunction existing => Ref.Known($"invocation URI of the authorizer {a.Name}", existing.InvocationUri, LogicalName),
                _ => throw new InvalidOperationException($"No invocation URI for the authorizer function {a.Function}."),
            },
            StringComparer.Ordinal);

        var recorded = context.Recorded.Find<DeployedHttpApi>(LogicalName);
        var api = recorded is null ? null : await v2.GetApiAsync(recorded.HttpApiId, cancellationToken);
        api ??= await FindByNameAsync(v2, names, cancellationToken);
        if (api is null)
        {
            var created = new StepOutput<string>(HttpApiId.Description);
            var newIntegration = new StepOutput<string>(IntegrationIdDescription);
            resource.Step(AwsService.ApiGatewayV2, "CreateApi", "the API does not exist",
                (step, ct) => CreateApiAsync(step, v2, shape, created, ct), produces: [created]);
            resource.Step(AwsService.ApiGatewayV2, "CreateIntegration", "the API is new",
                (step, ct) => CreateIntegrationAsync(step, v2, shape, created, functionArn, newIntegration, ct),
                consumes: [created, functionArn], produces: [newIntegration]);
            var newAuthorizers = definition.Authorizers.ToDictionary(
                a => a.Name, a => (Ref<string>)CreateAuthorizerStep(resource, v2, a, created, authorizerUris.GetValueOrDefault(a.Name), "the API is new", names.Base),
                StringComparer.Ordinal);
            foreach (var key in definition.RouteKeys)
            {
                var authorizerId = AuthorizerIdOf(definition, key, newAuthorizers);
                resource.Step(AwsService.ApiGatewayV2, "CreateRoute", "the API is new",
                    (step, ct) => CreateRouteAsync(step, v2, created, key, newIntegration, definition.AuthorizationTypeOf(key), authorizerId, ct),
                    consumes: [created, newIntegration, .. authorizerId is null ? [] : new IRef[] { authorizerId }], target: $"{names.Base} {key}");
            }
            resource.Step(AwsService.ApiGatewayV2, "CreateStage", "the API is new",
                (step, ct) => CreateStageAsync(v2, shape, step.Get(created), ct), consumes: [created], target: $"{names.Base} stage {HttpApiDefinition.DefaultStage}");
            context.Publish(HttpApiId, created);
            return;
        }

        var apiId = api.ApiId;
        resource.Target = apiId;
        var id = Ref.Known(HttpApiId.Description, apiId, LogicalName);
        context.Publish(HttpApiId, id);
        resource.Adopt(shape.Record(apiId));
        var integrations = await v2.GetIntegrationsAsync(apiId, cancellationToken);
        var routes = await v2.GetRoutesAsync(apiId, cancellationToken);
        var stage = await v2.GetStageAsync(apiId, HttpApiDefinition.DefaultStage, cancellationToken);
        var authorizers = await AuthorizersOfAsync(v2, apiId, routes, cancellationToken);
        resource.Observed = new ObservedApi(api, integrations, routes, stage, authorizers);

        if (!HttpApiDefinition.SameCors(api.CorsConfiguration, definition.Cors))
        {
            if (definition.Cors is { } cors)
                resource.Step(AwsService.ApiGatewayV2, "UpdateApi", api.CorsConfiguration is null ? "the API has no CORS configuration" : "the CORS configuration differs",
                    (_, ct) => v2.UpdateApiAsync(new UpdateHttpApiRequest { ApiId = apiId, CorsConfiguration = cors }, ct));
            else
                resource.Step(AwsService.ApiGatewayV2, "DeleteCorsConfiguration", "no route has CORS any more",
                    (_, ct) => v2.DeleteCorsConfigurationAsync(apiId, ct));
        }

        // The integration: the one that calls the function, else the API's Lambda proxy integration, else a new one.
        var known = functionArn.TryGetKnown(out var arn);
        var current = integrations.FirstOrDefault(i => known && i.IntegrationUri == arn && i.IntegrationType == HttpApiDefinition.LambdaProxy)
                      ?? integrations.FirstOrDefault(i => i.IntegrationType == HttpApiDefinition.LambdaProxy);
        Ref<string> integrationId;
        if (current is null)
        {
            var created = new StepOutput<string>(IntegrationIdDescription);
            resource.Step(AwsService.ApiGatewayV2, "CreateIntegration", "the API has no Lambda proxy integration",
                (step, ct) => CreateIntegrationAsync(step, v2, shape, id, functionArn, created, ct), consumes: [id, functionArn], produces: [created]);
            integrationId = created;
        }
        else
        {
            integrationId = Ref.Known(IntegrationIdDescription, current.IntegrationId, LogicalName);
            var reason = !known ? "the function is new"
                : current.IntegrationUri != arn ? "the integration calls another function"
                : current.PayloadFormatVersion != definition.PayloadFormatVersion ? $"the payload format is {current.PayloadFormatVersion}, not {definition.PayloadFormatVersion}"
                : null;
            if (reason is not null)
                resource.Step(AwsService.ApiGatewayV2, "UpdateIntegration", reason, (step, ct) => v2.UpdateIntegrationAsync(new HttpApiIntegrationRequest
                {
                    ApiId = apiId, IntegrationId = current.IntegrationId, IntegrationUri = step.Get(functionArn),
                    PayloadFormatVersion = definition.PayloadFormatVersion,
                }, ct), consumes: [functionArn], target: $"{apiId} integration {current.IntegrationId}");
        }

        // The authorizers, by name: each one the routes use, calling its function as the app declares it.
        var authorizerIds = new Dictionary<string, Ref<string>>(StringComparer.Ordinal);
        foreach (var authorizer in definition.Authorizers)
        {
            var uri = authorizerUris.GetValueOrDefault(authorizer.Name);
            if (authorizers.FirstOrDefault(a => a.Name == authorizer.Name) is not { } existing)
            {
                authorizerIds[authorizer.Name] = CreateAuthorizerStep(resource, v2, authorizer, id, uri, "the authorizer is new", apiId);
                continue;
            }
            authorizerIds[authorizer.Name] = Ref.Known(AuthorizerIdDescription, existing.AuthorizerId, LogicalName);
            var reason = uri is null ? authorizer.Difference(existing, null)
                : uri.TryGetKnown(out var knownUri) ? authorizer.Difference(existing, knownUri) : "the authorizer's function is new";
            if (reason is not null)
                resource.Step(AwsService.ApiGatewayV2, "UpdateAuthorizer", reason,
                    (step, ct) => v2.UpdateAuthorizerAsync(authorizer.Request(apiId, existing.AuthorizerId, uri is null ? null : step.Get(uri)), ct),
                    consumes: uri is null ? [] : [uri], target: $"{apiId} authorizer {authorizer.Name}");
        }

        // The routes: each key once, targeting the integration, with its authorizer or open; any other route goes.
        var target = integrationId.TryGetKnown(out var integration) ? HttpApiDefinition.RouteTarget(integration) : null;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in definition.RouteKeys)
        {
            var authorizerId = AuthorizerIdOf(definition, key, authorizerIds);
            var authorizationType = definition.AuthorizationTypeOf(key);
            IRef[] consumed = authorizerId is null ? [integrationId] : [integrationId, authorizerId];
            if (routes.FirstOrDefault(r => r.RouteKey == key) is not { } route)
            {
                resource.Step(AwsService.ApiGatewayV2, "CreateRoute", "the route is new",
                    (step, ct) => CreateRouteAsync(step, v2, id, key, integrationId, authorizationType, authorizerId, ct), consumes: [id, .. consumed], target: $"{apiId} {key}");
                continue;
            }
            kept.Add(route.RouteId);
            var reason = route.Target != target ? target is null ? "the integration is new" : "the route targets another integration"
                : RouteAuthorizationDifference(route, authorizationType, authorizerId);
            if (reason is not null)
                resource.Step(AwsService.ApiGatewayV2, "UpdateRoute", reason,
                    (step, ct) => v2.UpdateRouteAsync(RouteRequest(step, apiId, key, integrationId, authorizationType, authorizerId) with { RouteId = route.RouteId }, ct),
                    consumes: consumed, target: $"{apiId} {key}");
        }
        foreach (var route in routes.Where(r => !kept.Contains(r.RouteId)))
            resource.Step(AwsService.ApiGatewayV2, "DeleteRoute", "the app no longer has the route",
                (_, ct) => IgnoringNotFound(v2.DeleteRouteAsync(apiId, route.RouteId, ct)), target: $"{apiId} {route.RouteKey}");
        // Once no route uses them: the authorizers the app no longer has.
        foreach (var unused in authorizers.Where(a => !definition.Authorizers.Any(d => d.Name == a.Name)))
            resource.Step(AwsService.ApiGatewayV2, "DeleteAuthorizer", "no route uses the authorizer",
                (_, ct) => IgnoringNotFound(v2.DeleteAuthorizerAsync(apiId, unused.AuthorizerId, ct)), target: $"{apiId} authorizer {unused.Name}");
        // Last, once no route targets them: the integrations the API no longer uses.
        foreach (var unused in integrations.Where(i => i != current))
            resource.Step(AwsService.ApiGatewayV2, "DeleteIntegration", "no route uses the integration",
                (_, ct) => IgnoringNotFound(v2.DeleteIntegrationAsync(apiId, unused.IntegrationId, ct)), target: $"{apiId} integration {unused.IntegrationId}");

        var stageTarget = $"{apiId} stage {HttpApiDefinition.DefaultStage}";
        if (stage is null)
            resource.Step(AwsService.ApiGatewayV2, "CreateStage", $"the stage {HttpApiDefinition.DefaultStage} does not exist",
                (step, ct) => CreateStageAsync(v2, shape, apiId, ct), target: stageTarget);
        else if (stage.AutoDeploy != true)
            resource.Step(AwsService.ApiGatewayV2, "UpdateStage", $"the stage {HttpApiDefinition.DefaultStage} does not deploy changes automatically",
                (_, ct) => v2.UpdateStageAsync(apiId, HttpApiDefinition.DefaultStage, autoDeploy: true, ct), target: stageTarget);
    }

    /// <inheritdoc/>
    protected override async Task<DeployedHttpApi?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        await FindByNameAsync(aws.ApiGatewayV2, names, cancellationToken) is { } api && api.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue
            ? new DeployedHttpApi { Name = LogicalName, HttpApiId = api.ApiId, HttpApiUrl = "" }
            : null;

    /// <inheritdoc/>
    protected override string Describe(DeployedHttpApi record) => $"HTTP API {record.HttpApiId}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedHttpApi record, IAwsApis aws) =>
    [
        // Its routes, integrations and stages go with it.
        DeletionStep(record, AwsService.ApiGatewayV2, "DeleteApi", record.HttpApiId, "the stage no longer has it",
            (_, ct) => IgnoringNotFound(aws.ApiGatewayV2.DeleteApiAsync(record.HttpApiId, ct))),
    ];

    /// <summary>
    /// Finds the stage's HTTP API by name when the state does not know it (a lost state file, or a create whose answer
    /// was lost). Several of that name: the tagged ones are ours; more than one of those is for a person to sort out.
    /// </summary>
    private static async Task<HttpApi?> FindByNameAsync(IApiGatewayV2Api v2, ResourceNames names, CancellationToken cancellationToken)
    {
        var candidates = (await v2.GetApisAsync(cancellationToken)).Where(a => a.Name == names.Base && a.ProtocolType == "HTTP").ToList();
        if (candidates.Count > 1)
            candidates = candidates.Where(a => a.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new AmbiguousResourceException(
                $"There are {candidates.Count} HTTP APIs named {names.Base} tagged {ResourceNames.TagKey}={names.TagValue} " +
                $"({string.Join(", ", candidates.Select(a => a.ApiId))}); delete the ones you do not use, then deploy again."),
        };
    }

    private static async Task CreateApiAsync(StepContext step, IApiGatewayV2Api v2, ApiShape shape, StepOutput<string> id, CancellationToken cancellationToken)
    {
        var request = new CreateHttpApiRequest
        {
            Name = shape.Names.Base,
            Description = shape.Description,
            CorsConfiguration = shape.Definition.Cors,
            Tags = shape.Tags,
        };
        HttpApi api;
        try
        {
            api = await v2.CreateApiAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The answer was lost: the API may exist. Look before creating, or there would be two.
            api = await FindByNameAsync(v2, shape.Names, cancellationToken) ?? await v2.CreateApiAsync(request, cancellationToken);
        }
        step.Set(id, api.ApiId);
        step.Record(shape.Record(api.ApiId));
    }

    private static async Task CreateIntegrationAsync(
        StepContext step, IApiGatewayV2Api v2, ApiShape shape, Ref<string> apiId, Ref<string> functionArn, StepOutput<string> integrationId,
        CancellationToken cancellationToken)
    {
        var request = new HttpApiIntegrationRequest
        {
            ApiId = step.Get(apiId), IntegrationUri = step.Get(functionArn), PayloadFormatVersion = shape.Definition.PayloadFormatVersion,
        };
        HttpApiIntegration integration;
        try
        {
            integration = await v2.CreateIntegrationAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The answer was lost: look for the integration before adding a second one.
            integration = (await v2.GetIntegrationsAsync(request.ApiId, cancellationToken))
                          .FirstOrDefault(i => i.IntegrationUri == request.IntegrationUri && i.IntegrationType == request.IntegrationType)
                          ?? await v2.CreateIntegrationAsync(request, cancellationToken);
        }
        step.Set(integrationId, integration.IntegrationId);
    }

    /// <summary>
    /// The authorizers of an existing API, read one by one by the ids its routes name (moto 5.2.1 has no
    /// <c>GetAuthorizers</c>). An authorizer no route uses is not found: it only exists if a deploy stopped between
    /// creating it and its routes, is never called, and goes with the API.
    /// </summary>
    private static async Task<IReadOnlyList<HttpApiAuthorizer>> AuthorizersOfAsync(
        IApiGatewayV2Api v2, string apiId, IReadOnlyList<HttpApiRoute> routes, CancellationToken cancellationToken)
    {
        var authorizers = new List<HttpApiAuthorizer>();
        // Only a CUSTOM or JWT route's id counts: moto keeps the id of a route made open again.
        var ids = routes.Where(r => r.AuthorizationType is HttpApiAuthorizerDefinition.CustomAuthorization or HttpApiJwtAuthorizer.JwtType)
            .Select(r => r.AuthorizerId).OfType<string>().Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var authorizerId in ids)
        {
            if (await v2.GetAuthorizerAsync(apiId, authorizerId, cancellationToken) is { } authorizer)
                authorizers.Add(authorizer);
        }
        return authorizers;
    }

    private static StepOutput<string> CreateAuthorizerStep(
        ResourcePlan resource, IApiGatewayV2Api v2, HttpApiAuthorizerDefinition authorizer, Ref<string> apiId, Ref<string>? uri, string reason, string apiTarget)
    {
        var created = new StepOutput<string>(AuthorizerIdDescription);
        resource.Step(AwsService.ApiGatewayV2, "CreateAuthorizer", reason, async (step, ct) =>
        {
            // A lost answer fails the deploy rather than risk a second authorizer; the next deploy creates it again,
            // and an unused one goes with the API.
            var made = await v2.CreateAuthorizerAsync(authorizer.Request(step.Get(apiId), "", uri is null ? null : step.Get(uri)), ct);
            step.Set(created, made.AuthorizerId);
        }, consumes: uri is null ? [apiId] : [apiId, uri], produces: [created], target: $"{apiTarget} authorizer {authorizer.Name}");
        return created;
    }

    /// <summary>The id of <paramref name="routeKey"/>'s authorizer among <paramref name="ids"/>, or null for an open route.</summary>
    private static Ref<string>? AuthorizerIdOf(HttpApiDefinition definition, string routeKey, IReadOnlyDictionary<string, Ref<string>> ids) =>
        definition.AuthorizerOf(routeKey) is { } authorizer ? ids[authorizer.Name] : null;

    /// <summary>Why an existing route's authorization differs from the app's, or null when it does not.</summary>
    private static string? RouteAuthorizationDifference(HttpApiRoute route, string authorizationType, Ref<string>? authorizerId)
    {
        if (route.AuthorizationType != authorizationType)
            return authorizationType == HttpApiAuthorizerDefinition.NoAuthorization ? "the app no longer authorizes the route"
                : route.AuthorizationType == HttpApiAuthorizerDefinition.NoAuthorization ? "the route has no authorizer"
                : $"the route's authorization is {route.AuthorizationType}, not {authorizationType}";
        if (authorizerId is null)
            return null;
        if (!authorizerId.TryGetKnown(out var id))
            return "the route's authorizer is new";
        return route.AuthorizerId != id ? "the route uses another authorizer" : null;
    }

    private static HttpApiRouteRequest RouteRequest(
        StepContext step, string apiId, string key, Ref<string> integrationId, string authorizationType, Ref<string>? authorizerId) => new()
    {
        ApiId = apiId,
        RouteKey = key,
        Target = HttpApiDefinition.RouteTarget(step.Get(integrationId)),
        AuthorizationType = authorizationType,
        AuthorizerId = authorizerId is null ? null : step.Get(authorizerId),
    };

    private static async Task CreateRouteAsync(
        StepContext step, IApiGatewayV2Api v2, Ref<string> apiId, string key, Ref<string> integrationId, string authorizationType,
        Ref<string>? authorizerId, CancellationToken cancellationToken)
    {
        var request = RouteRequest(step, step.Get(apiId), key, integrationId, authorizationType, authorizerId);
        try
        {
            await v2.CreateRouteAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // A replay conflicted: the first attempt made the route, unless it is not the one we sent.
            var routes = await v2.GetRoutesAsync(request.ApiId, cancellationToken);
            if (!routes.Any(r => r.RouteKey == key && r.Target == request.Target && r.AuthorizerId == request.AuthorizerId))
                throw;
        }
    }

    private static async Task CreateStageAsync(IApiGatewayV2Api v2, ApiShape shape, string apiId, CancellationToken cancellationToken)
    {
        var request = new HttpApiStageRequest { ApiId = apiId, StageName = HttpApiDefinition.DefaultStage, AutoDeploy = true, Tags = shape.Tags };
        try
        {
            await v2.CreateStageAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            if (await v2.GetStageAsync(apiId, request.StageName, cancellationToken) is null)
                throw;
        }
    }

    /// <summary>The HTTP API that exists.</summary>
    /// <param name="Api">What <c>GetApi</c>/<c>GetApis</c> answered.</param>
    /// <param name="Integrations">Its integrations.</param>
    /// <param name="Routes">Its routes.</param>
    /// <param name="Stage">Its <c>$default</c> stage, or null.</param>
    /// <param name="Authorizers">The authorizers its routes use.</param>
    internal sealed record ObservedApi(
        HttpApi Api, IReadOnlyList<HttpApiIntegration> Integrations, IReadOnlyList<HttpApiRoute> Routes, HttpApiStage? Stage,
        IReadOnlyList<HttpApiAuthorizer> Authorizers);

    /// <summary>What the steps need to know of the app to shape its API: names, definition, region and record.</summary>
    private sealed record ApiShape(ResourceNames Names, HttpApiDefinition Definition, string Region, AwsPartition Partition)
    {
        public string Description => $"Chalice.Net app {Names.App}, stage {Names.Stage}";

        /// <summary>How API Gateway invokes the function <paramref name="functionArn"/> (an authorizer's URI).</summary>
        public string InvocationUri(string functionArn) => OpenApiSettings.LambdaIntegrationUri(Partition.Id, Region, functionArn);

        public IReadOnlyDictionary<string, string> Tags => new Dictionary<string, string> { [ResourceNames.TagKey] = Names.TagValue };

        public DeployedHttpApi Record(string apiId) => new()
        {
            Name = LogicalName,
            HttpApiId = apiId,
            HttpApiUrl = $"https://{apiId}.execute-api.{Region}.{Partition.DnsSuffix}/",
        };
    }
}
