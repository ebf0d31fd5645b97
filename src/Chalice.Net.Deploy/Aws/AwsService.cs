namespace Chalice.Deploy.Aws;

/// <summary>
/// What the HTTP pipeline must know about an AWS service: its endpoint prefix, SigV4 signing name, protocol and API
/// version (all from the service's botocore model metadata) and whether it has one global endpoint.
/// </summary>
/// <param name="EndpointPrefix">The host prefix, as in <c>lambda.us-east-1.amazonaws.com</c>.</param>
/// <param name="SigningName">The service name in the SigV4 credential scope.</param>
/// <param name="ServiceId">The model's <c>serviceId</c>; it names the <c>AWS_ENDPOINT_URL_*</c> variable.</param>
/// <param name="Protocol">The wire protocol.</param>
/// <param name="ApiVersion">The API version (sent as <c>Version</c> by the query protocol).</param>
/// <param name="IsGlobal">One endpoint per partition (IAM) rather than one per region.</param>
internal sealed record AwsService(
    string EndpointPrefix, string SigningName, string ServiceId, AwsProtocol Protocol, string ApiVersion, bool IsGlobal = false)
{
    /// <summary>AWS Identity and Access Management.</summary>
    public static AwsService Iam { get; } = new("iam", "iam", "IAM", AwsProtocol.Query, "2010-05-08", IsGlobal: true);

    /// <summary>AWS Security Token Service, through its regional endpoints.</summary>
    public static AwsService Sts { get; } = new("sts", "sts", "STS", AwsProtocol.Query, "2011-06-15");

    /// <summary>AWS Lambda.</summary>
    public static AwsService Lambda { get; } = new("lambda", "lambda", "Lambda", AwsProtocol.RestJson, "2015-03-31");

    /// <summary>Amazon API Gateway (REST APIs, v1).</summary>
    public static AwsService ApiGateway { get; } = new("apigateway", "apigateway", "API Gateway", AwsProtocol.RestJson, "2015-07-09");

    /// <summary>
    /// The service-specific endpoint variable AWS documents for SDKs and the CLI: <c>AWS_ENDPOINT_URL_</c> followed by
    /// the service id upper-cased with spaces as underscores (<c>AWS_ENDPOINT_URL_API_GATEWAY</c>).
    /// </summary>
    public string EndpointUrlVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');

    /// <inheritdoc/>
    public override string ToString() => ServiceId;
}
