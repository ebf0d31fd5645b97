using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Tests;

namespace Chalice.Local.Tests;

/// <summary>
/// Percent-encoded paths sent over HTTP exactly as written (no client re-encodes them) reach the function as API
/// Gateway would hand them over, per API type (<see cref="PathEncodingCases"/>; the test client is held to the same
/// table in memory).
/// </summary>
public sealed class PathEncodingTests(PathEncodingTests.Emulators emulators) : IClassFixture<PathEncodingTests.Emulators>
{
    public static TheoryData<int, ApiGatewayType> Cases() => PathEncodingCases.Matrix();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_function_receives_the_path_as_API_Gateway_sends_it(int index, ApiGatewayType type)
    {
        var testCase = PathEncodingCases.All[index];
        var (emulator, received) = await emulators.GetAsync(type);

        var head = $"GET {testCase.Sent}?{PathEncodingCases.Query} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        var response = await RawHttp.SendAsync(emulator.BaseAddress, head);

        Assert.Equal(PathEncodingCases.ExpectedStatus(testCase, type), response.Status);
        if (response.Status == 200)
        {
            Assert.True(received.TryDequeue(out var eventJson));
            PathEncodingCases.AssertEvent(testCase, type, JsonNode.Parse(eventJson)!, type == ApiGatewayType.Rest ? "api" : "$default");
        }
        Assert.Empty(received);
    }

    /// <summary>One emulator per API type, in front of a function that keeps the events it receives.</summary>
    public sealed class Emulators : IAsyncDisposable
    {
        private readonly Dictionary<ApiGatewayType, (RunningEmulator Emulator, ConcurrentQueue<byte[]> Received)> _started = [];

        public async Task<(RunningEmulator Emulator, ConcurrentQueue<byte[]> Received)> GetAsync(ApiGatewayType type)
        {
            if (_started.TryGetValue(type, out var started))
                return started;
            var routes = PathEncodingCases.Templates
                .Select(t => new RouteDefinition(t, ["GET"], "Echo", (_, _) => ValueTask.FromResult(new Response())))
                .ToList();
            var received = new ConcurrentQueue<byte[]>();
            var emulator = await LocalEmulator.StartAsync(
                new ChaliceAppDefinition("paths", routes, _ => new object()),
                new EmulatorOptions { Port = 0, ApiType = type, ProjectDirectory = EmulatorHarness.AppFolder("""{ "local_aws": false }""") },
                function: (eventJson, _) =>
                {
                    received.Enqueue(eventJson.ToArray());
                    return ValueTask.FromResult(Encoding.UTF8.GetBytes("""{"statusCode":200,"body":"ok"}"""));
                });
            return _started[type] = (emulator, received);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (emulator, _) in _started.Values)
                await emulator.DisposeAsync();
        }
    }
}
