using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace StsCalls;

public sealed class Identity(IAmazonSecurityTokenService sts)
{
    private static readonly string ReportingRole = "arn:aws:iam::123456789012:role/" + RoleName;
    private const string RoleName = "reporting";

    // Needs no permission at all: no statement.
    public async Task<string> WhoAmI() => (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Arn;

    public Task<AssumeRoleResponse> AssumeReporting() =>
        sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ReportingRole, RoleSessionName = "report" });

    public Task<GetSessionTokenResponse> Session() => sts.GetSessionTokenAsync();
}
