using Chalice.Gateway;

namespace Chalice.Local.Tests;

public sealed class GatewayWarmUpTests
{
    // 200 only if the request matched the throwaway route and the dispatcher's answer passed the gateway's checks:
    // an unknown route would be 403/404, a dispatcher failure 502/500.
    [Theory]
    [InlineData(ApiGatewayType.Rest)]
    [InlineData(ApiGatewayType.HttpPayloadV1)]
    [InlineData(ApiGatewayType.HttpPayloadV2)]
    public async Task The_warm_up_request_travels_the_whole_path_and_is_answered_200(ApiGatewayType apiType) =>
        Assert.Equal(200, await GatewayWarmUp.RunAsync(apiType));
}
