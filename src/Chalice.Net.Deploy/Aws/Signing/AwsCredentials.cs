namespace Chalice.Deploy.Aws.Signing;

/// <summary>One set of AWS credentials as the signer needs them: an access key pair and an optional session token.</summary>
/// <param name="AccessKeyId">The access key id, e.g. <c>AKIDEXAMPLE</c>.</param>
/// <param name="SecretAccessKey">The secret access key. Never logged: <see cref="ToString"/> leaves it out.</param>
/// <param name="SessionToken">The session token of temporary credentials, or <see langword="null"/>.</param>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Shows the access key id only, so credentials can appear in logs and test failures safely.</summary>
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "set")} }}";
}
