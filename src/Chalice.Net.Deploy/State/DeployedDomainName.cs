namespace Chalice.Deploy.State;

/// <summary>
/// The stage's custom domain (<c>api_gateway_custom_domain</c>) and the mapping of its base path to the stage's API,
/// recorded under Chalice's <c>domain_name</c> resource type with its <c>alias_domain_name</c> and <c>hosted_zone_id</c>.
/// A domain that existed before the deploy is used, never deleted: only the mapping is the deployer's then.
/// </summary>
internal sealed record DeployedDomainName : DeployedResource
{
    /// <summary>The host name.</summary>
    public required string DomainName { get; init; }

    /// <summary><c>rest</c> (API Gateway's domain names and base path mappings) or <c>http</c> (v2's, with API mappings).</summary>
    public required string ApiType { get; init; }

    /// <summary>Whether the deployer created the domain name, so that deleting the stage deletes it too.</summary>
    public required bool CreatedDomain { get; init; }

    /// <summary>The base path the API is mapped to (<c>url_prefix</c>); empty for the domain's root.</summary>
    public required string BasePath { get; init; }

    /// <summary>The API the base path maps to.</summary>
    public required string ApiId { get; init; }

    /// <summary>An HTTP API's mapping id (v2 deletes a mapping by id); null for a REST API.</summary>
    public string? ApiMappingId { get; init; }

    /// <summary>The name DNS must point at: the regional domain name or the CloudFront distribution (Chalice's field).</summary>
    public string? AliasDomainName { get; init; }

    /// <summary>The Route 53 hosted zone of <see cref="AliasDomainName"/>, for an alias record (Chalice's field).</summary>
    public string? HostedZoneId { get; init; }

    /// <summary>The URL the API is served under: <c>https://{domain}/{base path}/</c>.</summary>
    public string Url => $"https://{DomainName}/{(BasePath.Length > 0 ? BasePath + "/" : "")}";
}
