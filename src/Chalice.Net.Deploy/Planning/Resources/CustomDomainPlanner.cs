using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.HttpApis;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans a stage's custom domain (<c>api_gateway_custom_domain</c>) as Chalice does (chalice/deploy/planner.py,
/// _plan_domainname; chalice/awsclient.py, create_domain_name): the domain name, made when it does not exist (a
/// regional domain takes <c>regionalCertificateArn</c>, an edge-optimized one <c>certificateArn</c>), and the mapping of
/// <c>url_prefix</c> (the domain's root without one) to the stage's API. A REST API's are API Gateway's
/// DomainName and BasePathMapping; an HTTP API's are v2's DomainName (regional: HTTP APIs have no edge-optimized
/// domains) and ApiMapping. A domain that existed before is used and never deleted; a base path that maps another
/// API is refused rather than taken.
/// </summary>
internal sealed class CustomDomainPlanner : ResourcePlanner<DeployedDomainName>
{
    /// <summary>The domain's logical name (Chalice's default name for it).</summary>
    public const string LogicalName = "api_gateway_custom_domain";

    /// <summary>API Gateway's base path of a domain's root mapping.</summary>
    private const string RootBasePath = "(none)";

    private const string AliasOutput = "custom domain's alias";

    /// <inheritdoc/>
    public override string ResourceType => "domain_name";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [RestApiPlanner.RestApiId, HttpApiPlanner.HttpApiId];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var spec = context.Spec;
        if (spec.Config.ApiGatewayCustomDomain is not { } domain)
            return;
        var http = spec.Config.ApiGatewayType.IsHttpApi();
        if ((http ? context.Find(HttpApiPlanner.HttpApiId) : context.Find(RestApiPlanner.RestApiId)) is not { } apiId)
            return;
        var wanted = new DesiredDomain(domain.DomainName, http ? "http" : "rest", domain.UrlPrefix ?? "",
            http ? "REGIONAL" : spec.Config.ApiGatewayEndpointType, domain.CertificateArn, domain.TlsVersion);
        if (wanted.EndpointType == "PRIVATE")
            throw new ChaliceConfigException(
                "api_gateway_custom_domain: a PRIVATE REST API has no public custom domain (API Gateway's private domain names are not deployed by chalice-net).");
        var resource = context.Resource(LogicalName, domain.DomainName, wanted);
        resource.Uses(apiId);
        var recorded = context.Recorded.Find<DeployedDomainName>(LogicalName);
        if (recorded is not null && (recorded.DomainName != wanted.DomainName || recorded.ApiType != wanted.ApiType))
        {
            // Another domain, or the other kind of API: the old mapping (and domain, if it was made here) goes first.
            foreach (var step in PlanDeletion(recorded, context.Aws))
                resource.Step(step.Service, step.Operation, "the stage's custom domain changed", step.Apply, target: step.Target);
            recorded = null;
        }
        var stage = http ? HttpApiDefinition.DefaultStage : spec.Config.ApiGatewayStage;
        if (http)
            await PlanHttpAsync(resource, context.Aws.ApiGatewayV2, wanted, domain, apiId, stage, recorded, cancellationToken);
        else
            await PlanRestAsync(resource, context.Aws.ApiGateway, wanted, domain, apiId, stage, recorded, cancellationToken);
    }

    private static async Task PlanRestAsync(
        ResourcePlan resource, IApiGatewayApi apiGateway, DesiredDomain wanted, CustomDomainConfig domain, Ref<string> apiId, string stage,
        DeployedDomainName? recorded, CancellationToken cancellationToken)
    {
        var existing = await apiGateway.GetDomainNameAsync(wanted.DomainName, cancellationToken);
        resource.Observed = existing;
        var basePath = wanted.BasePath.Length > 0 ? wanted.BasePath : RootBasePath;
        DeployedDomainName Record(string api, CustomDomainName found, bool created) => new()
        {
            Name = LogicalName, DomainName = wanted.DomainName, ApiType = wanted.ApiType, CreatedDomain = created, BasePath = wanted.BasePath,
            ApiId = api,
            AliasDomainName = found.RegionalDomainName ?? found.DistributionDomainName,
            HostedZoneId = found.RegionalHostedZoneId ?? found.DistributionHostedZoneId,
        };

        if (existing is null)
        {
            var made = new StepOutput<CustomDomainName>(AliasOutput);
            resource.Step(AwsService.ApiGateway, "CreateDomainName", "the domain name does not exist",
                async (step, ct) => step.Set(made, await CreateRestDomainAsync(apiGateway, wanted, domain, ct)), produces: [made]);
            resource.Step(AwsService.ApiGateway, "CreateBasePathMapping", $"base path {basePath} of the new domain",
                async (step, ct) =>
                {
                    await CreateBasePathMappingAsync(apiGateway, wanted, basePath, step.Get(apiId), stage, ct);
                    step.Record(Record(step.Get(apiId), step.Get(made), created: true));
                }, consumes: [apiId, made]);
            return;
        }

        CheckSameEndpoint(wanted, existing.EndpointConfiguration?.Types?.FirstOrDefault(),
            wanted.EndpointType == "EDGE" ? existing.CertificateArn : existing.RegionalCertificateArn, existing.SecurityPolicy);
        var created = recorded?.CreatedDomain ?? false;
        var mappings = await apiGateway.GetBasePathMappingsAsync(wanted.DomainName, cancellationToken);
        var current = mappings.FirstOrDefault(m => m.BasePath == basePath);
        if (recorded is not null && recorded.BasePath != wanted.BasePath
            && mappings.FirstOrDefault(m => m.BasePath == RestBasePath(recorded.BasePath)) is { } old && old.RestApiId == recorded.ApiId)
        {
            resource.Step(AwsService.ApiGateway, "DeleteBasePathMapping", $"url_prefix is no longer {RestBasePath(recorded.BasePath)}",
                (_, ct) => IgnoringNotFound(apiGateway.DeleteBasePathMappingAsync(wanted.DomainName, RestBasePath(recorded.BasePath), ct)),
                target: $"{wanted.DomainName} {RestBasePath(recorded.BasePath)}");
        }
        var known = apiId.TryGetKnown(out var id);
        if (current is not null && known && current.RestApiId == id && current.Stage == stage)
        {
            resource.Adopt(Record(id!, existing, created));
            return;
        }
        if (current is not null && current.RestApiId != recorded?.ApiId && !(known && current.RestApiId == id))
            throw new ChaliceConfigException(
                $"api_gateway_custom_domain: base path {basePath} of {wanted.DomainName} maps REST API {current.RestApiId}, which this stage did not deploy; " +
                "choose another url_prefix, or delete that mapping first.");
        if (current is not null)
        {
            resource.Step(AwsService.ApiGateway, "DeleteBasePathMapping", $"base path {basePath} maps an earlier API or stage",
                (_, ct) => IgnoringNotFound(apiGateway.DeleteBasePathMappingAsync(wanted.DomainName, basePath, ct)),
                target: $"{wanted.DomainName} {basePath}");
        }
        resource.Step(AwsService.ApiGateway, "CreateBasePathMapping", current is null ? $"base path {basePath} is not mapped" : "the API changed",
            async (step, ct) =>
            {
                await CreateBasePathMappingAsync(apiGateway, wanted, basePath, step.Get(apiId), stage, ct);
                step.Record(Record(step.Get(apiId), existing, created));
            }, consumes: [apiId], target: $"{wanted.DomainName} {basePath}");
    }

    private static async Task<CustomDomainName> CreateRestDomainAsync(
        IApiGatewayApi apiGateway, DesiredDomain wanted, CustomDomainConfig domain, CancellationToken cancellationToken)
    {
        var edge = wanted.EndpointType == "EDGE";
        var request = new CreateDomainNameRequest
        {
            DomainName = wanted.DomainName,
            CertificateArn = edge ? wanted.CertificateArn : null,
            RegionalCertificateArn = edge ? null : wanted.CertificateArn,
            EndpointConfiguration = new EndpointConfiguration { Types = [wanted.EndpointType] },
            SecurityPolicy = wanted.TlsVersion,
            Tags = domain.Tags.Count > 0 ? domain.Tags : null,
        };
        return await LostAnswers.CreateOrReadBackAsync(
            () => apiGateway.CreateDomainNameAsync(request, cancellationToken),
            () => apiGateway.GetDomainNameAsync(wanted.DomainName, cancellationToken));
    }

    private static async Task CreateBasePathMappingAsync(
        IApiGatewayApi apiGateway, DesiredDomain wanted, string basePath, string restApiId, string stage, CancellationToken cancellationToken)
    {
        await LostAnswers.CreateOrCheckAsync(
            () => apiGateway.CreateBasePathMappingAsync(new CreateBasePathMappingRequest
            {
                DomainName = wanted.DomainName,
                BasePath = wanted.BasePath.Length > 0 ? wanted.BasePath : null,
                RestApiId = restApiId,
                Stage = stage,
            }, cancellationToken),
            async () => (await apiGateway.GetBasePathMappingsAsync(wanted.DomainName, cancellationToken))
                .Any(m => m.BasePath == basePath && m.RestApiId == restApiId));
    }

    private static async Task PlanHttpAsync(
        ResourcePlan resource, IApiGatewayV2Api apiGateway, DesiredDomain wanted, CustomDomainConfig domain, Ref<string> apiId, string stage,
        DeployedDomainName? recorded, CancellationToken cancellationToken)
    {
        var existing = await apiGateway.GetDomainNameAsync(wanted.DomainName, cancellationToken);
        resource.Observed = existing;
        DeployedDomainName Record(string api, string mappingId, HttpApiDomainName found, bool created)
        {
            var endpoint = found.DomainNameConfigurations?.FirstOrDefault();
            return new DeployedDomainName
            {
                Name = LogicalName, DomainName = wanted.DomainName, ApiType = wanted.ApiType, CreatedDomain = created, BasePath = wanted.BasePath,
                ApiId = api, ApiMappingId = mappingId, AliasDomainName = endpoint?.ApiGatewayDomainName, HostedZoneId = endpoint?.HostedZoneId,
            };
        }

        if (existing is null)
        {
            var made = new StepOutput<HttpApiDomainName>(AliasOutput);
            resource.Step(AwsService.ApiGatewayV2, "CreateDomainName", "the domain name does not exist",
                async (step, ct) => step.Set(made, await CreateHttpDomainAsync(apiGateway, wanted, domain, ct)), produces: [made]);
            resource.Step(AwsService.ApiGatewayV2, "CreateApiMapping", $"key '{wanted.BasePath}' of the new domain",
                async (step, ct) =>
                {
                    var mapping = await CreateApiMappingAsync(apiGateway, wanted, step.Get(apiId), stage, ct);
                    step.Record(Record(step.Get(apiId), mapping, step.Get(made), created: true));
                }, consumes: [apiId, made]);
            return;
        }

        var endpoint = existing.DomainNameConfigurations?.FirstOrDefault();
        CheckSameEndpoint(wanted, endpoint?.EndpointType, endpoint?.CertificateArn, endpoint?.SecurityPolicy);
        var created = recorded?.CreatedDomain ?? false;
        var mappings = await apiGateway.GetApiMappingsAsync(wanted.DomainName, cancellationToken);
        var current = mappings.FirstOrDefault(m => (m.ApiMappingKey ?? "") == wanted.BasePath);
        if (recorded is not null && recorded.BasePath != wanted.BasePath && recorded.ApiMappingId is { } oldId
            && mappings.Any(m => m.ApiMappingId == oldId))
        {
            resource.Step(AwsService.ApiGatewayV2, "DeleteApiMapping", $"url_prefix is no longer '{recorded.BasePath}'",
                (_, ct) => IgnoringNotFound(apiGateway.DeleteApiMappingAsync(wanted.DomainName, oldId, ct)), target: $"{wanted.DomainName} {oldId}");
        }
        var known = apiId.TryGetKnown(out var id);
        if (current is not null && known && current.ApiId == id && current.Stage == stage)
        {
            resource.Adopt(Record(id!, current.ApiMappingId ?? "", existing, created));
            return;
        }
        if (current is not null && current.ApiId != recorded?.ApiId && !(known && current.ApiId == id))
            throw new ChaliceConfigException(
                $"api_gateway_custom_domain: key '{wanted.BasePath}' of {wanted.DomainName} maps API {current.ApiId}, which this stage did not deploy; " +
                "choose another url_prefix, or delete that mapping first.");
        if (current?.ApiMappingId is { } staleId)
        {
            resource.Step(AwsService.ApiGatewayV2, "DeleteApiMapping", $"key '{wanted.BasePath}' maps an earlier API",
                (_, ct) => IgnoringNotFound(apiGateway.DeleteApiMappingAsync(wanted.DomainName, staleId, ct)), target: $"{wanted.DomainName} {staleId}");
        }
        resource.Step(AwsService.ApiGatewayV2, "CreateApiMapping", current is null ? $"key '{wanted.BasePath}' is not mapped" : "the API changed",
            async (step, ct) =>
            {
                var mapping = await CreateApiMappingAsync(apiGateway, wanted, step.Get(apiId), stage, ct);
                step.Record(Record(step.Get(apiId), mapping, existing, created));
            }, consumes: [apiId], target: wanted.DomainName);
    }

    private static async Task<HttpApiDomainName> CreateHttpDomainAsync(
        IApiGatewayV2Api apiGateway, DesiredDomain wanted, CustomDomainConfig domain, CancellationToken cancellationToken)
    {
        var request = new CreateHttpApiDomainNameRequest
        {
            DomainName = wanted.DomainName,
            DomainNameConfigurations =
            [
                new DomainNameConfiguration { CertificateArn = wanted.CertificateArn, EndpointType = wanted.EndpointType, SecurityPolicy = wanted.TlsVersion },
            ],
            Tags = domain.Tags.Count > 0 ? domain.Tags : null,
        };
        return await LostAnswers.CreateOrReadBackAsync(
            () => apiGateway.CreateDomainNameAsync(request, cancellationToken),
            () => apiGateway.GetDomainNameAsync(wanted.DomainName, cancellationToken));
    }

    /// <summary>Maps the domain's key to the API's stage; returns the mapping's id.</summary>
    private static async Task<string> CreateApiMappingAsync(
        IApiGatewayV2Api apiGateway, DesiredDomain wanted, string httpApiId, string stage, CancellationToken cancellationToken)
    {
        return await LostAnswers.CreateOrReadBackAsync(
            async () => (await apiGateway.CreateApiMappingAsync(new CreateApiMappingRequest
            {
                DomainName = wanted.DomainName,
                ApiId = httpApiId,
                ApiMappingKey = wanted.BasePath.Length > 0 ? wanted.BasePath : null,
                Stage = stage,
            }, cancellationToken)).ApiMappingId ?? "",
            async () => (await apiGateway.GetApiMappingsAsync(wanted.DomainName, cancellationToken))
                .FirstOrDefault(m => (m.ApiMappingKey ?? "") == wanted.BasePath && m.ApiId == httpApiId)?.ApiMappingId);
    }

    /// <summary>
    /// An existing domain must already be what the stage asks for: chalice-net does not change a domain's endpoint
    /// type, certificate or TLS version (UpdateDomainName), and a domain made by someone else is theirs to change.
    /// </summary>
    private static void CheckSameEndpoint(DesiredDomain wanted, string? endpointType, string? certificateArn, string? securityPolicy)
    {
        var problems = new List<string>();
        if (endpointType is not null && endpointType != wanted.EndpointType)
            problems.Add($"endpoint type {endpointType}, not {wanted.EndpointType}");
        if (certificateArn is not null && certificateArn != wanted.CertificateArn)
            problems.Add($"certificate {certificateArn}, not {wanted.CertificateArn}");
        if (wanted.TlsVersion is { } tls && securityPolicy is not null && securityPolicy != tls)
            problems.Add($"TLS version {securityPolicy}, not {tls}");
        if (problems.Count > 0)
            throw new ChaliceConfigException(
                $"api_gateway_custom_domain: {wanted.DomainName} exists with {string.Join(", ", problems)}; chalice-net does not change an existing " +
                "domain name: change it in API Gateway (or delete it), then deploy again.");
    }

    private static string RestBasePath(string basePath) => basePath.Length > 0 ? basePath : RootBasePath;

    /// <inheritdoc/>
    protected override Task<DeployedDomainName?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        // A domain is found through the stage's config, which a lookup by the stage's names does not have: without a
        // state file, the next deploy finds it by name and maps it again.
        Task.FromResult<DeployedDomainName?>(null);

    /// <inheritdoc/>
    protected override string Describe(DeployedDomainName record) => $"custom domain {record.DomainName} ({record.Url})";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedDomainName record, IAwsApis aws)
    {
        List<PlannedStep> steps = record.ApiType == "http"
            ? [DeletionStep(record, AwsService.ApiGatewayV2, "DeleteApiMapping", $"{record.DomainName} '{record.BasePath}'", "the stage no longer maps it",
                (_, ct) => IgnoringNotFound(aws.ApiGatewayV2.DeleteApiMappingAsync(record.DomainName, record.ApiMappingId ?? "", ct)))]
            : [DeletionStep(record, AwsService.ApiGateway, "DeleteBasePathMapping", $"{record.DomainName} {RestBasePath(record.BasePath)}",
                "the stage no longer maps it",
                (_, ct) => IgnoringNotFound(aws.ApiGateway.DeleteBasePathMappingAsync(record.DomainName, RestBasePath(record.BasePath), ct)))];
        if (record.CreatedDomain)
            steps.Add(DeletionStep(record, record.ApiType == "http" ? AwsService.ApiGatewayV2 : AwsService.ApiGateway, "DeleteDomainName",
                record.DomainName, "the deploy made it and the stage no longer has it",
                (_, ct) => IgnoringNotFound(record.ApiType == "http"
                    ? aws.ApiGatewayV2.DeleteDomainNameAsync(record.DomainName, ct)
                    : aws.ApiGateway.DeleteDomainNameAsync(record.DomainName, ct))));
        return steps;
    }

    /// <summary>The custom domain the stage wants.</summary>
    internal sealed record DesiredDomain(
        string DomainName, string ApiType, string BasePath, string EndpointType, string CertificateArn, string? TlsVersion);
}
