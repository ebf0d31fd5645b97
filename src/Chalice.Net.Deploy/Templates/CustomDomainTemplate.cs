using System.Text.Json.Nodes;
using Chalice.Configuration;
using static Chalice.Deploy.Templates.StackTemplate;

namespace Chalice.Deploy.Templates;

/// <summary>
/// A stage's <c>api_gateway_custom_domain</c> in a template, as Chalice's package.py writes it (_add_domain_name,
/// _add_websocket_domain_name): <c>AWS::ApiGateway::DomainName</c> and <c>::BasePathMapping</c> for a REST API
/// (regional or edge certificate by the API's endpoint type), <c>AWS::ApiGatewayV2::DomainName</c> (regional) and
/// <c>::ApiMapping</c> for an HTTP API, with the outputs DNS is pointed by (<c>AliasDomainName</c>, <c>HostedZoneId</c>).
/// The deployer's own rules for the same settings are in <c>CustomDomainPlanner</c>.
/// </summary>
internal static class CustomDomainTemplate
{
    /// <summary>The logical id of the domain name (Chalice's); its mapping's is this plus <c>Mapping</c>.</summary>
    public const string DomainId = "ApiGatewayCustomDomain";

    /// <summary>Adds the domain, its mapping and outputs when the stage has a custom domain.</summary>
    public static void Add(JsonObject resources, JsonObject outputs, DeploymentSpec spec, TemplateFormat format)
    {
        if (spec.Config.ApiGatewayCustomDomain is not { } domain || spec.Manifest.Routes.Count == 0)
            return;
        var sam = format == TemplateFormat.Sam;
        if (spec.Config.ApiGatewayType.IsHttpApi())
            AddHttp(resources, outputs, domain, sam);
        else
            AddRest(resources, outputs, domain, spec.Config, sam);
    }

    private static void AddRest(JsonObject resources, JsonObject outputs, CustomDomainConfig domain, StageConfig config, bool sam)
    {
        var endpointType = config.ApiGatewayEndpointType;
        if (endpointType == "PRIVATE")
            throw new ChaliceConfigException(
                "api_gateway_custom_domain: a PRIVATE REST API has no public custom domain (API Gateway's private domain names are not deployed by chalice-net).");
        var edge = endpointType == "EDGE";
        var properties = new JsonObject
        {
            ["DomainName"] = domain.DomainName,
            ["EndpointConfiguration"] = new JsonObject { ["Types"] = new JsonArray(endpointType) },
            [edge ? "CertificateArn" : "RegionalCertificateArn"] = domain.CertificateArn,
        };
        if (domain.TlsVersion is { } tls)
            properties["SecurityPolicy"] = tls;
        if (domain.Tags.Count > 0)
            properties["Tags"] = TagList(domain.Tags);
        resources[DomainId] = new JsonObject { ["Type"] = "AWS::ApiGateway::DomainName", ["Properties"] = properties };
        var mapping = new JsonObject
        {
            ["DomainName"] = Ref(DomainId),
            ["RestApiId"] = Ref(RestApiId),
            // The stage's resource, so the mapping waits for it: SAM's generated stage, or the template's own.
            ["Stage"] = Ref(sam ? $"{RestApiId}.Stage" : "RestAPIStage"),
        };
        if (domain.UrlPrefix is { Length: > 0 } prefix)
            mapping["BasePath"] = prefix;
        resources[DomainId + "Mapping"] = new JsonObject { ["Type"] = "AWS::ApiGateway::BasePathMapping", ["Properties"] = mapping };
        outputs["AliasDomainName"] = new JsonObject { ["Value"] = GetAtt(DomainId, edge ? "DistributionDomainName" : "RegionalDomainName") };
        outputs["HostedZoneId"] = new JsonObject { ["Value"] = GetAtt(DomainId, edge ? "DistributionHostedZoneId" : "RegionalHostedZoneId") };
    }

    private static void AddHttp(JsonObject resources, JsonObject outputs, CustomDomainConfig domain, bool sam)
    {
        var configuration = new JsonObject { ["CertificateArn"] = domain.CertificateArn, ["EndpointType"] = "REGIONAL" };
        if (domain.TlsVersion is { } tls)
            configuration["SecurityPolicy"] = tls;
        var properties = new JsonObject
        {
            ["DomainName"] = domain.DomainName,
            ["DomainNameConfigurations"] = new JsonArray(configuration),
        };
        if (domain.Tags.Count > 0)
            properties["Tags"] = new JsonObject([.. domain.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]);
        resources[DomainId] = new JsonObject { ["Type"] = "AWS::ApiGatewayV2::DomainName", ["Properties"] = properties };
        var mapping = new JsonObject
        {
            ["DomainName"] = Ref(DomainId),
            ["ApiId"] = Ref(HttpApiTemplate.HttpApiId),
            // The stage's resource, so the mapping waits for it: the $default stage SAM's HttpApi makes, or the template's own.
            ["Stage"] = Ref(sam ? $"{HttpApiTemplate.HttpApiId}.Stage" : "HttpApiDefaultStage"),
        };
        if (domain.UrlPrefix is { Length: > 0 } prefix)
            mapping["ApiMappingKey"] = prefix;
        resources[DomainId + "Mapping"] = new JsonObject { ["Type"] = "AWS::ApiGatewayV2::ApiMapping", ["Properties"] = mapping };
        outputs["AliasDomainName"] = new JsonObject { ["Value"] = GetAtt(DomainId, "RegionalDomainName") };
        outputs["HostedZoneId"] = new JsonObject { ["Value"] = GetAtt(DomainId, "RegionalHostedZoneId") };
    }
}
