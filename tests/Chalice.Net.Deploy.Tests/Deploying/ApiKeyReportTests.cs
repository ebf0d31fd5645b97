using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary><c>deploy</c> prints each API key's id, and its value only with <c>--show-api-keys</c>.</summary>
public sealed class ApiKeyReportTests
{
    private static readonly DeployedState s_state = new()
    {
        AppName = "shop", Stage = "prod", Region = "us-east-1",
        Resources =
        [
            new DeployedApiKey { Name = "api_key-partner", ApiKeyId = "k2", ApiKeyName = "shop-prod-partner" },
            new DeployedApiKey { Name = "api_key-internal", ApiKeyId = "k1", ApiKeyName = "shop-prod-internal" },
        ],
    };

    [Fact]
    public void Ids_are_printed_and_values_are_not()
    {
        Assert.Equal(["API key shop-prod-internal: k1", "API key shop-prod-partner: k2"], ApiKeyReport.Lines(s_state, values: null));
    }

    [Fact]
    public void Values_are_printed_when_asked()
    {
        var lines = ApiKeyReport.Lines(s_state, [new ApiKey { Id = "k1", Value = "internal-value-0123456789" }, new ApiKey { Id = "k2", Value = "partner-value-0123456789" }]);

        Assert.Equal(["API key shop-prod-internal: k1, value internal-value-0123456789", "API key shop-prod-partner: k2, value partner-value-0123456789"], lines);
    }
}
