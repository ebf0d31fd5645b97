using Chalice.Deploy.Aws.Protocols;
using static Chalice.Deploy.Aws.Protocols.QueryResponse;

namespace Chalice.Deploy.Aws.Sts;

/// <summary><see cref="IStsApi"/> over STS's query protocol.</summary>
internal sealed class StsClient(QueryChannel channel) : IStsApi
{
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default)
    {
        var response = await channel.SendAsync(channel.Request(StsOperations.GetCallerIdentity), cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(
            Text(response.Result, "Account") ?? "", Text(response.Result, "Arn") ?? "", Text(response.Result, "UserId") ?? "");
    }
}
