using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// A <see cref="SimpleAuthResponse"/> is written as API Gateway reads an HTTP API authorizer's simple response:
/// AWS's own sample (shared/fixtures/events/aws-lambda-dotnet/custom-authorizer-v2-simple-response.json).
/// </summary>
public sealed class SimpleAuthResponseTests
{
    [Fact]
    public void An_allow_with_context_is_written_as_AWSs_sample()
    {
        var sample = JsonNode.Parse(SharedFixtures.ReadText("events/aws-lambda-dotnet/custom-authorizer-v2-simple-response.json"));

        var written = LambdaEventJson.Serialize(SimpleAuthResponse.Allow(new Dictionary<string, string> { ["exampleKey"] = "exampleValue" }).ToWire());

        Assert.True(JsonNode.DeepEquals(sample, JsonNode.Parse(written)), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void A_deny_is_not_authorized_with_no_context()
    {
        var written = Encoding.UTF8.GetString(LambdaEventJson.Serialize(SimpleAuthResponse.Deny.ToWire()));

        Assert.Equal("""{"isAuthorized":false,"context":{}}""", written);
    }
}
