using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Sts;

namespace Chalice.Cli;

/// <summary>
/// Asks STS who the credentials belong to before anything is built, so that rejected credentials or an endpoint that
/// cannot be reached are one line in a second, not the first AWS call's failure after the build.
/// <c>sts:GetCallerIdentity</c> needs no permission ("No permissions are required to perform this operation",
/// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html), so it fails only for these reasons.
/// </summary>
internal static class AwsIdentityCheck
{
    // A few seconds decide whether an endpoint answers; the deploy's own calls keep the full retry budget.
    private static readonly AwsRetryOptions s_quick = new() { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>The identity behind <paramref name="settings"/>, asked with the deploy's <paramref name="connectTimeout"/> (<c>--connection-timeout</c>).</summary>
    /// <exception cref="AwsConfigurationException">The credentials are rejected or AWS cannot be reached; the message says which.</exception>
    public static async Task<CallerIdentity> VerifyAsync(AwsSettings settings, TimeSpan? connectTimeout, CancellationToken cancellationToken)
    {
        using var clients = new AwsClients(settings, new AwsClientOptions { Retry = s_quick, ConnectTimeout = connectTimeout });
        var endpoint = settings.Endpoints().Resolve(AwsService.Sts).Url;
        try
        {
            return await clients.Sts.GetCallerIdentityAsync(cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode is AwsServiceException.ConnectionFailure or AwsServiceException.RequestTimeout)
        {
            throw new AwsConfigurationException(
                $"Cannot reach AWS at {endpoint} ({e.AwsMessage}); check --endpoint-url, AWS_ENDPOINT_URL and your network.", e);
        }
        catch (AwsServiceException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || IsCredentialError(e.ErrorCode))
        {
            throw new AwsConfigurationException(
                $"AWS rejected the credentials ({e.ErrorCode}: {e.AwsMessage}); check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
                "or the profile (--profile, AWS_PROFILE), or run 'aws sso login'.", e);
        }
    }

    // STS's errors for credentials it does not accept: an unknown key, a wrong secret, an expired session.
    private static bool IsCredentialError(string code) =>
        code is "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException" or "AccessDenied";
}
