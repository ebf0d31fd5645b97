using Chalice.Deploy.Aws.Signing;

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

    /// <summary>Amazon API Gateway v2 (HTTP APIs): the same endpoint and signing name as v1, its own API.</summary>
    public static AwsService ApiGatewayV2 { get; } = new("apigateway", "apigateway", "ApiGatewayV2", AwsProtocol.RestJson, "2018-11-29") { JsonVersion = "1.1" };

    /// <summary>Amazon EventBridge (rules and targets; the service CloudWatch Events became).</summary>
    public static AwsService EventBridge { get; } =
        new("events", "events", "EventBridge", AwsProtocol.Json, "2015-10-07") { JsonTargetPrefix = "AWSEvents", JsonVersion = "1.1" };

    /// <summary>Amazon CloudWatch Logs.</summary>
    public static AwsService CloudWatchLogs { get; } =
        new("logs", "logs", "CloudWatch Logs", AwsProtocol.Json, "2014-03-28") { JsonTargetPrefix = "Logs_20140328", JsonVersion = "1.1" };

    /// <summary>Amazon SQS, over its JSON protocol (the model's only one since botocore moved SQS off the query protocol).</summary>
    public static AwsService Sqs { get; } =
        new("sqs", "sqs", "SQS", AwsProtocol.Json, "2012-11-05") { JsonTargetPrefix = "AmazonSQS", JsonVersion = "1.0" };

    /// <summary>Amazon SNS.</summary>
    public static AwsService Sns { get; } = new("sns", "sns", "SNS", AwsProtocol.Query, "2010-03-31");

    /// <summary>Amazon S3 (bucket configuration only: the notification configuration).</summary>
    public static AwsService S3 { get; } = new("s3", "s3", "S3", AwsProtocol.RestXml, "2006-03-01") { Signing = SigV4Options.S3 };

    /// <summary>The JSON protocol's <c>X-Amz-Target</c> prefix (the model's <c>targetPrefix</c>), e.g. <c>AWSEvents</c>.</summary>
    public string? JsonTargetPrefix { get; init; }

    /// <summary>
    /// The JSON protocol's version (the model's <c>jsonVersion</c>), sent as <c>application/x-amz-json-{version}</c>; a
    /// rest-json model may declare one too (API Gateway v2 does), which its requests do not use.
    /// </summary>
    public string? JsonVersion { get; init; }

    /// <summary>How requests are signed: S3 signs its path as sent and declares the payload hash.</summary>
    public SigV4Options Signing { get; init; } = SigV4Options.Default;

    /// <summary>
    /// The service-specific endpoint variable AWS documents for SDKs and the CLI: <c>AWS_ENDPOINT_URL_</c> followed by
    /// the service id upper-cased with spaces as underscores (<c>AWS_ENDPOINT_URL_API_GATEWAY</c>).
    /// </summary>
    public string EndpointUrlVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');

    /// <inheritdoc/>
    public override string ToString() => ServiceId;
}
