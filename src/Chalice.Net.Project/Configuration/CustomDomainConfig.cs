namespace Chalice.Configuration;

/// <summary>
/// A stage's <c>api_gateway_custom_domain</c>, as Chalice reads it (chalice/deploy/appgraph.py,
/// _create_custom_domain_name; docs/source/topics/domainname.rst): the domain API Gateway serves the API under, the
/// ACM certificate for it, the TLS version and the base path the API is mapped to.
/// </summary>
/// <param name="DomainName">The host name, e.g. <c>api.example.com</c> (<c>domain_name</c>).</param>
/// <param name="CertificateArn">The ACM certificate's ARN (<c>certificate_arn</c>).</param>
/// <param name="TlsVersion"><c>TLS_1_0</c> or <c>TLS_1_2</c> (<c>tls_version</c>), or null for API Gateway's default, TLS 1.2.</param>
/// <param name="UrlPrefix">The base path (<c>url_prefix</c>), or null to map the API at the domain's root.</param>
/// <param name="Tags">The domain name's tags (<c>tags</c>).</param>
public sealed record CustomDomainConfig(
    string DomainName, string CertificateArn, string? TlsVersion, string? UrlPrefix, IReadOnlyDictionary<string, string> Tags);
