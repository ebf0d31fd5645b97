namespace Chalice.Deploy.Aws.Sts;

/// <summary>The STS operation the deployer uses: who am I, in which account.</summary>
internal interface IStsApi
{
    /// <summary>The account, ARN and user id of the credentials in use.</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default);
}
