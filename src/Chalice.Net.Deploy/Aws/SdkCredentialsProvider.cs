using Amazon.Runtime;
using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Aws;

/// <summary>
/// Credentials from an AWSSDK.Core <see cref="AWSCredentials"/> (environment, profile, SSO, assume-role, container
/// or instance role). The SDK object caches and refreshes temporary credentials itself.
/// </summary>
internal sealed class SdkCredentialsProvider(AWSCredentials source) : IAwsCredentialsProvider
{
    /// <inheritdoc/>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials credentials;
        try
        {
            credentials = await source.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            var hint = source is SSOAWSCredentials ? " Run 'aws sso login' and try again." : "";
            throw new AwsConfigurationException($"Could not obtain AWS credentials: {e.Message}{hint}", e);
        }
        return new AwsCredentials(credentials.AccessKey, credentials.SecretKey, credentials.UseToken ? credentials.Token : null);
    }
}
