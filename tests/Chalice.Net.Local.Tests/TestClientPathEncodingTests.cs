using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Testing;

namespace Chalice.Local.Tests;

/// <summary>
/// The test client hands the function percent-encoded paths as API Gateway does, per API type
/// (<see cref="PathEncodingCases"/>; the emulator is held to the same table over HTTP).
/// </summary>
public sealed class TestClientPathEncodingTests
{
    public static TheoryData<int, ApiGatewayType> Cases() => PathEncodingCases.Matrix();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_function_receives_the_path_as_API_Gateway_sends_it(int index, ApiGatewayType type)
    {
        var testCase = PathEncodingCases.All[index];
        await using var echo = new EchoClient(type);

        var response = await echo.Client.GetAsync($"{testCase.Sent}?{PathEncodingCases.Query}");

        Assert.Equal(PathEncodingCases.ExpectedStatus(testCase, type), response.StatusCode);
        if (response.StatusCode == 200)
            PathEncodingCases.AssertEvent(testCase, type, echo.Received!, echo.Client.Gateway.Options.EffectiveStage);
        else
            Assert.Null(echo.Received);
    }

    [Theory]
    [InlineData("/things/café au lait", "/things/caf%C3%A9%20au%20lait")]
    [InlineData("/things/a b#fragment", "/things/a%20b")]
    [InlineData("/things/100%25", "/things/100%25")]
    public async Task The_test_client_sends_what_an_HTTP_client_would(string written, string onTheWire)
    {
        await using var echo = new EchoClient(ApiGatewayType.Rest);

        await echo.Client.GetAsync(written);

        Assert.Equal(onTheWire, echo.Received!["path"]!.GetValue<string>());
    }

    /// <summary>An app whose routes are the cases' templates, each handing back the event it received.</summary>
    private sealed class EchoClient : IAsyncDisposable
    {
        public EchoClient(ApiGatewayType type)
        {
            var routes = PathEncodingCases.Templates.Select(template => new RouteDefinition(template, ["GET"], "Echo", (_, context) =>
            {
                var request = context.Request;
                Received = JsonNode.Parse(request.RestEvent is { } rest
                    ? ProxyEventJson.Serialize(rest)
                    : ProxyEventJson.Serialize(request.HttpApiEvent!));
                return ValueTask.FromResult(new Response("ok"));
            })).ToList();
            var application = ChaliceApplication.Create(new ChaliceAppDefinition("paths", routes, _ => new object()));
            Client = new ChaliceTestClient(application, new GatewayOptions { ApiType = type });
        }

        public ChaliceTestClient Client { get; }

        public JsonNode? Received { get; private set; }

        public async ValueTask DisposeAsync() => await Client.Application.DisposeAsync();
    }
}
