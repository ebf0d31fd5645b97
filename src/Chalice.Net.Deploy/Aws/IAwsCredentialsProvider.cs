using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Aws;

/// <summary>Supplies the credentials to sign each request with; called once per attempt so refreshed keys are used.</summary>
internal interface IAwsCredentialsProvider
{
    /// <summary>The current credentials.</summary>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
