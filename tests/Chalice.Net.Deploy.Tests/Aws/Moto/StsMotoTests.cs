using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>The STS client against moto.</summary>
public sealed class StsMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Caller_identity_is_motos_fixed_account()
    {
        using var aws = new MotoClients(moto);

        var identity = await aws.Clients.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken);

        var cli = await AwsCli.RunAsync(moto, "sts", "get-caller-identity");
        Assert.Equal(MotoServer.AccountId, identity.Account);
        Assert.Equal(cli.GetProperty("Arn").GetString(), identity.Arn);
        Assert.Equal(cli.GetProperty("UserId").GetString(), identity.UserId);
        Assert.Equal(1, aws.Recorder.ReadCalls);
        Assert.Equal(0, aws.Recorder.MutatingCalls);
    }
}
