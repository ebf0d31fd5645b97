using System.Text.Json;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>The entry point for reading and writing event-source events: what it refuses, and how it says so.</summary>
public sealed class LambdaEventJsonTests
{
    [Fact]
    public void ATypeItDoesNotKnowIsRefusedWithWhatToDoInstead()
    {
        var error = Assert.Throws<NotSupportedException>(() => LambdaEventJson.Parse<ApiGatewayProxyRequest>("{}"));

        Assert.Equal(
            "ApiGatewayProxyRequest is not a Lambda event or response type Chalice.Net knows; read it with your app's JsonSerializerContext.",
            error.Message);
        Assert.Throws<NotSupportedException>(() => LambdaEventJson.Serialize(new EventBridgeEvent<string>
        {
            Version = "0", Id = "i", DetailType = "t", Source = "s", Account = "a", Time = DateTime.UnixEpoch, Region = "r", Resources = [], Detail = "d",
        }));
    }

    [Fact]
    public void NullIsNotAnEvent()
    {
        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SqsEvent>("null"u8));

        Assert.Equal("A SqsEvent cannot be null.", error.Message);
    }

    [Theory]
    [InlineData("events/s3-event.json")]
    [InlineData("events/aws-lambda-dotnet/scheduled-event.json")]
    [InlineData("events/kinesis-event.json")]
    public void AnotherSourcesEventIsNotAnSqsEvent(string fixture)
    {
        // The dispatcher will turn this into the clear error a mismatched invocation gets.
        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<SqsEvent>(SharedFixtures.ReadText(fixture)));

        Assert.Contains("missing required properties", error.Message);
    }
}
