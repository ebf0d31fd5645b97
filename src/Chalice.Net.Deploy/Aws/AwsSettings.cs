using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Chalice.Deploy.Aws;

/// <summary>
/// Everything a Chalice.Net client needs to reach AWS: credentials, region and an optional endpoint override.
/// <see cref="Resolve"/> builds it from the AWS SDK's standard resolution chain.
/// </summary>
/// <param name="Credentials">Supplies signing credentials.</param>
/// <param name="Region">The region resources are deployed to.</param>
/// <param name="EndpointUrl">An explicit endpoint for every service (<c>--endpoint-url</c>), or null.</param>
internal sealed record AwsSettings(IAwsCredentialsProvider Credentials, string Region, Uri? EndpointUrl = null)
{
    /// <summary>The endpoint resolver for these settings (explicit URL, then <c>AWS_ENDPOINT_URL*</c>, then the region).</summary>
    public AwsEndpointResolver Endpoints(Func<string, string?>? environment = null) => new(Region, EndpointUrl, environment);

    /// <summary>
    /// Resolves credentials and region the way the AWS CLI does. Credentials: with a profile name, that profile's
    /// (static keys, SSO, assume-role, credential_process) from the shared config and credentials files; without one,
    /// AWSSDK.Core's default chain (environment variables, <c>AWS_PROFILE</c> or the default profile, web identity,
    /// container and instance roles). Region, first found wins: <c>--region</c>, <c>AWS_REGION</c>,
    /// <c>AWS_DEFAULT_REGION</c>, the profile's <c>region</c>, instance metadata.
    /// </summary>
    /// <exception cref="AwsConfigurationException">No credentials or no region could be found.</exception>
    public static AwsSettings Resolve(AwsSettingsRequest request)
    {
        var profiles = new CredentialProfileStoreChain(request.ProfilesLocation);
        AWSCredentials credentials;
        CredentialProfile? profile = null;
        if (request.Profile is { Length: > 0 } profileName)
        {
            if (!profiles.TryGetProfile(profileName, out profile) || !profiles.TryGetAWSCredentials(profileName, out credentials))
                throw new AwsConfigurationException(
                    $"AWS profile '{profileName}' was not found or has no usable credentials in " +
                    $"{request.ProfilesLocation ?? "~/.aws/credentials or ~/.aws/config"}. Run 'aws configure --profile {profileName}' " +
                    "or 'aws sso login --profile " + profileName + "'.");
        }
        else
        {
            try
            {
                credentials = new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig: null);
            }
            catch (AmazonClientException e)
            {
                throw new AwsConfigurationException(
                    "No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure', " +
                    "or pass --profile.", e);
            }
        }

        // The documented order: a command-line parameter beats environment variables, which beat the profile's
        // settings (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html); AWS_REGION, the
        // SDKs' variable, beats AWS_DEFAULT_REGION, the CLI's and boto3's, as the AWS CLI v2 reads them
        // (https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html). AWSSDK.Core reads AWS_REGION only.
        var region = request.Region
                     ?? Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION")
                     ?? profile?.Region?.SystemName ?? DefaultRegion();
        if (string.IsNullOrWhiteSpace(region))
            throw new AwsConfigurationException(
                "No AWS region configured. Pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add 'region' to your AWS profile.");
        return new AwsSettings(new SdkCredentialsProvider(credentials), region, request.EndpointUrl);
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string? DefaultRegion()
    {
        // Instance metadata is only worth its timeout on EC2-like hosts; the CLI's chain skips it when disabled too.
        var useInstanceMetadata = !string.Equals(
            Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);
        return FallbackRegionFactory.GetRegionEndpoint(useInstanceMetadata)?.SystemName;
    }
}
