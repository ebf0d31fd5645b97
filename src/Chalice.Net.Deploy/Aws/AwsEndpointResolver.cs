namespace Chalice.Deploy.Aws;

/// <summary>
/// Picks each service's endpoint the way the AWS CLI and SDKs do: an explicit <c>--endpoint-url</c>, else the
/// service's <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable, else <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else the public endpoint of the region's partition.
/// </summary>
internal sealed class AwsEndpointResolver
{
    private const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    private const string IgnoreEndpointVariables = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly string _region;
    private readonly Uri? _endpointUrl;
    private readonly Func<string, string?> _environment;

    /// <param name="region">The region requests go to.</param>
    /// <param name="endpointUrl">An explicit endpoint for every service (e.g. a local moto), or null.</param>
    /// <param name="environment">Reads an environment variable; defaults to the process environment.</param>
    public AwsEndpointResolver(string region, Uri? endpointUrl = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _region = region;
        _endpointUrl = endpointUrl;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The endpoint of <paramref name="service"/>.</summary>
    public AwsEndpoint Resolve(AwsService service)
    {
        if (ConfiguredUrl(service) is { } configured)
            return new AwsEndpoint(configured, _region, service.SigningName);

        var partition = AwsPartition.ForRegion(_region);
        if (service.IsGlobal && partition is { IamHost: { } host, IamRegion: { } signingRegion })
            return new AwsEndpoint(new Uri($"https://{host}"), signingRegion, service.SigningName);
        return new AwsEndpoint(
            new Uri($"https://{service.EndpointPrefix}.{_region}.{partition.DnsSuffix}"), _region, service.SigningName);
    }

    private Uri? ConfiguredUrl(AwsService service)
    {
        if (_endpointUrl is not null)
            return _endpointUrl;
        if (string.Equals(_environment(IgnoreEndpointVariables), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        foreach (var variable in new[] { service.EndpointUrlVariable, GlobalEndpointVariable })
        {
            if (_environment(variable) is not { Length: > 0 } value)
                continue;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw new AwsConfigurationException($"{variable} must be an absolute http(s) URL, but is '{value}'.");
            return url;
        }
        return null;
    }
}
