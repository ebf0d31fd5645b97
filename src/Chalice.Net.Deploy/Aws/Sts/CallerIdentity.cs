namespace Chalice.Deploy.Aws.Sts;

/// <summary>Who the credentials belong to.</summary>
/// <param name="Account">The 12-digit account id.</param>
/// <param name="Arn">The ARN of the calling identity.</param>
/// <param name="UserId">The unique id of the calling identity.</param>
internal sealed record CallerIdentity(string Account, string Arn, string UserId);
