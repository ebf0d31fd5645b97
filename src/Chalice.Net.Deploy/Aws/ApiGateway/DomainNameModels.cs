using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGateway;

// Custom domain names of REST APIs, shaped as in the API Gateway API (shared/fixtures/aws-models/apigateway); only the
// members the deployer reads or sets.

/// <summary>A custom domain name (<c>DomainName</c>).</summary>
internal sealed record CustomDomainName
{
    /// <summary>The host name.</summary>
    public string DomainName { get; init; } = "";

    /// <summary>An edge-optimized domain's certificate.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>A regional domain's certificate.</summary>
    public string? RegionalCertificateArn { get; init; }

    /// <summary>A regional domain's target: the name to point DNS at.</summary>
    public string? RegionalDomainName { get; init; }

    /// <summary>A regional domain's Route 53 hosted zone.</summary>
    public string? RegionalHostedZoneId { get; init; }

    /// <summary>An edge-optimized domain's CloudFront distribution: the name to point DNS at.</summary>
    public string? DistributionDomainName { get; init; }

    /// <summary>An edge-optimized domain's Route 53 hosted zone.</summary>
    public string? DistributionHostedZoneId { get; init; }

    /// <summary><c>EDGE</c> or <c>REGIONAL</c>.</summary>
    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary><c>TLS_1_0</c> or <c>TLS_1_2</c>.</summary>
    public string? SecurityPolicy { get; init; }

    /// <summary>The domain name's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>CreateDomainName</c>'s body: a regional domain takes <c>regionalCertificateArn</c>, an edge one <c>certificateArn</c>.</summary>
internal sealed record CreateDomainNameRequest
{
    /// <inheritdoc cref="CustomDomainName.DomainName"/>
    public required string DomainName { get; init; }

    /// <inheritdoc cref="CustomDomainName.CertificateArn"/>
    public string? CertificateArn { get; init; }

    /// <inheritdoc cref="CustomDomainName.RegionalCertificateArn"/>
    public string? RegionalCertificateArn { get; init; }

    /// <inheritdoc cref="CustomDomainName.EndpointConfiguration"/>
    public required EndpointConfiguration EndpointConfiguration { get; init; }

    /// <inheritdoc cref="CustomDomainName.SecurityPolicy"/>
    public string? SecurityPolicy { get; init; }

    /// <inheritdoc cref="CustomDomainName.Tags"/>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A base path mapping (<c>BasePathMapping</c>): which API and stage a domain serves under a base path.</summary>
internal sealed record BasePathMapping
{
    /// <summary>The base path; API Gateway answers <c>(none)</c> for the domain's root.</summary>
    public string? BasePath { get; init; }

    /// <summary>The REST API.</summary>
    public string? RestApiId { get; init; }

    /// <summary>The API's stage.</summary>
    public string? Stage { get; init; }
}

/// <summary><c>CreateBasePathMapping</c>'s body (the domain name is in the path).</summary>
internal sealed record CreateBasePathMappingRequest
{
    /// <summary>The domain name (in the path, not the body).</summary>
    [JsonIgnore]
    public string DomainName { get; init; } = "";

    /// <inheritdoc cref="BasePathMapping.BasePath"/>
    public string? BasePath { get; init; }

    /// <inheritdoc cref="BasePathMapping.RestApiId"/>
    public required string RestApiId { get; init; }

    /// <inheritdoc cref="BasePathMapping.Stage"/>
    public required string Stage { get; init; }
}
