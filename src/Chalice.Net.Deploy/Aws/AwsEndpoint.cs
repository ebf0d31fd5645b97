namespace Chalice.Deploy.Aws;

/// <summary>Where to send a service's requests and how to sign them.</summary>
/// <param name="Url">The base URL (scheme, host, optional port and path prefix).</param>
/// <param name="SigningRegion">The region of the SigV4 credential scope (us-east-1 for IAM in the aws partition).</param>
/// <param name="SigningName">The service name of the SigV4 credential scope.</param>
internal sealed record AwsEndpoint(Uri Url, string SigningRegion, string SigningName);
