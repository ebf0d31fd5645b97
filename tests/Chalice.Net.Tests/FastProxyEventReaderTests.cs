using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Gateway;
using Chalice.Testing;

namespace Chalice.Tests;

/// <summary>
/// The fast event reader must read every event exactly as the general deserializer does, and must be what reads the
/// events the gateway sends (or it would not be the fast path).
/// </summary>
public sealed class FastProxyEventReaderTests
{
    public static TheoryData<string> SampleEvents() => EventFixtureTests.SampleEvents();

    [Theory]
    [MemberData(nameof(SampleEvents))]
    public void Sample_events_read_as_the_general_deserializer_reads_them(string fixture) =>
        AssertSameAsGeneral(Encoding.UTF8.GetBytes(SharedFixtures.ReadText(fixture)), mustBeFast: false);

    [Fact]
    public void Recorded_events_read_as_the_general_deserializer_reads_them()
    {
        foreach (var (_, _, recorded) in RecordedEvents.Load())
            AssertSameAsGeneral(Encoding.UTF8.GetBytes(recorded.ToJsonString()), mustBeFast: false);
    }

    [Theory]
    [InlineData(ApiGatewayType.Rest)]
    [InlineData(ApiGatewayType.HttpPayloadV1)]
    [InlineData(ApiGatewayType.HttpPayloadV2)]
    public async Task Events_the_gateway_sends_take_the_fast_path(ApiGatewayType apiType)
    {
        await using var client = ChaliceTestClient.Create<Chalice.TestApp.App>(gateway: new GatewayOptions
        {
            ApiType = apiType,
            StageVariables = new Dictionary<string, string> { ["color"] = "blue" },
        });
        string?[] bodies = [null, """{"a":[1,"x"]}"""];
        foreach (var body in bodies)
        {
            var json = client.CreateEventJson("PUT", "/request?q=1&q=2&q=%20x&empty=", [
                new("Cookie", "a=1; b=2"), new("X-Repeated", "one"), new("X-Repeated", "two"), new("User-Agent", "tests")], body)!;
            AssertSameAsGeneral(json, mustBeFast: true);
        }
    }

    [Theory]
    [InlineData("""{"httpMethod":"GET","somethingNew":1}""")]
    [InlineData("""{"httpMethod":"GET","requestContext":{"stage":"x","newField":{"a":1}}}""")]
    [InlineData("""{"httpMethod":"GET","headers":{"a":1}}""")]
    [InlineData("""{"httpMethod":"GET","requestContext":{"requestTimeEpoch":"soon"}}""")]
    [InlineData("""{"httpMethod":"GET","multiValueHeaders":{"a":"not a list"}}""")]
    public void Anything_unmodelled_falls_back_to_the_general_deserializer(string json)
    {
        Assert.Null(FastProxyEventReader.TryReadRestEvent(Encoding.UTF8.GetBytes(json)));
        // The public entry point still reads it, or fails as the general deserializer does.
        try
        {
            ProxyEventJson.ParseRestEvent(Encoding.UTF8.GetBytes(json));
        }
        catch (JsonException)
        {
        }
    }

    private static void AssertSameAsGeneral(byte[] json, bool mustBeFast)
    {
        if (JsonNode.Parse(json)!["httpMethod"] is not null)
        {
            var fast = FastProxyEventReader.TryReadRestEvent(json);
            Assert.True(fast is not null || !mustBeFast, "the gateway's event fell off the fast path");
            if (fast is not null)
                Assert.Equal(Encoding.UTF8.GetString(ProxyEventJson.Serialize(ProxyEventJson.ParseRestEventGeneral(json))), Encoding.UTF8.GetString(ProxyEventJson.Serialize(fast)));
        }
        else
        {
            var fast = FastProxyEventReader.TryReadHttpApiEvent(json);
            Assert.True(fast is not null || !mustBeFast, "the gateway's event fell off the fast path");
            if (fast is not null)
                Assert.Equal(Encoding.UTF8.GetString(ProxyEventJson.Serialize(ProxyEventJson.ParseHttpApiEventGeneral(json))), Encoding.UTF8.GetString(ProxyEventJson.Serialize(fast)));
        }
    }
}
