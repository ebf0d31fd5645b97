using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Aws;

/// <summary>Fixed credentials: for tests and local AWS stand-ins such as moto.</summary>
internal sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    /// <inheritdoc/>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
