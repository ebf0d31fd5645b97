using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGatewayV2;

// Custom domain names of HTTP APIs, shaped as in API Gateway v2's API (shared/fixtures/aws-models/apigatewayv2);
// only the members the deployer reads or sets.

/// <summary>A custom domain name (<c>GetDomainName</c>'s and <c>CreateDomainName</c>'s answer).</summary>
internal sealed record HttpApiDomainName
{
    /// <summary>The host name.</summary>
    public string DomainName { get; init; } = "";

    /// <summary>Its endpoint configurations (one, regional, for the domains the deployer makes).</summary>
    public IReadOnlyList<DomainNameConfiguration>? DomainNameConfigurations { get; init; }

    /// <summary>The domain name's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A domain name's endpoint (<c>DomainNameConfiguration</c>).</summary>
internal sealed record DomainNameConfiguration
{
    /// <summary>The name to point DNS at (answered, not set).</summary>
    public string? ApiGatewayDomainName { get; init; }

    /// <summary>The ACM certificate.</summary>
    public string? CertificateArn { get; init; }

    /// <summary><c>REGIONAL</c> (HTTP APIs have no edge-optimized domains).</summary>
    public string? EndpointType { get; init; }

    /// <summary>The Route 53 hosted zone (answered, not set).</summary>
    public string? HostedZoneId { get; init; }

    /// <summary><c>TLS_1_0</c> or <c>TLS_1_2</c>.</summary>
    public string? SecurityPolicy { get; init; }
}

/// <summary><c>CreateDomainName</c>'s body.</summary>
internal sealed record CreateHttpApiDomainNameRequest
{
    /// <inheritdoc cref="HttpApiDomainName.DomainName"/>
    public required string DomainName { get; init; }

    /// <inheritdoc cref="HttpApiDomainName.DomainNameConfigurations"/>
    public required IReadOnlyList<DomainNameConfiguration> DomainNameConfigurations { get; init; }

    /// <inheritdoc cref="HttpApiDomainName.Tags"/>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>An API mapping (<c>ApiMapping</c>): which API and stage a domain serves under a key (base path).</summary>
internal sealed record ApiMapping
{
    /// <summary>The mapping's id.</summary>
    public string? ApiMappingId { get; init; }

    /// <summary>The base path; empty for the domain's root.</summary>
    public string? ApiMappingKey { get; init; }

    /// <summary>The API.</summary>
    public string? ApiId { get; init; }

    /// <summary>The API's stage.</summary>
    public string? Stage { get; init; }
}

/// <summary><c>CreateApiMapping</c>'s body (the domain name is in the path).</summary>
internal sealed record CreateApiMappingRequest
{
    /// <summary>The domain name (in the path, not the body).</summary>
    [JsonIgnore]
    public string DomainName { get; init; } = "";

    /// <inheritdoc cref="ApiMapping.ApiId"/>
    public required string ApiId { get; init; }

    /// <inheritdoc cref="ApiMapping.ApiMappingKey"/>
    public string? ApiMappingKey { get; init; }

    /// <inheritdoc cref="ApiMapping.Stage"/>
    public required string Stage { get; init; }
}
