using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Tests;

namespace Chalice.Local.Tests;

/// <summary>
/// The emulator against traffic recorded from real API Gateway deployments (REST, HTTP API payload 1.0 and 2.0):
/// the events a handler receives, and the HTTP responses the gateway sends for a function's proxy response.
/// </summary>
public sealed class RecordedTrafficTests
{
    // Member names of the snapshots' map-valued members, whose keys are data and keep their case.
    private static readonly HashSet<string> s_maps = new(StringComparer.OrdinalIgnoreCase)
    {
        "Headers", "MultiValueHeaders", "QueryStringParameters", "MultiValueQueryStringParameters", "PathParameters", "StageVariables",
    };

    public static TheoryData<string> Cases(string kind) => new(RecordedEvents.FilesOrPlaceholder(kind));

    [Theory]
    [MemberData(nameof(Cases), "request-event")]
    public async Task Handler_receives_the_event_the_real_gateway_sent(string file)
    {
        var testCase = RecordedEvents.Case(file);
        var apiType = ApiType(testCase);
        var route = testCase["route"]!;
        JsonNode? received = null;
        var definition = new ChaliceAppDefinition("recorded", [
            new RouteDefinition(route["template"]!.GetValue<string>(), [route["method"]!.GetValue<string>()], "Echo", (_, context) =>
            {
                var request = context.Request;
                received = JsonNode.Parse(request.RestEvent is { } rest ? ProxyEventJson.Serialize(rest) : ProxyEventJson.Serialize(request.HttpApiEvent!));
                return ValueTask.FromResult(new Response("ok"));
            }) { ContentTypes = ["*/*"] },
        ], _ => new object());
        var stage = testCase["stage"]!.GetValue<string>();
        await using var emulator = await LocalEmulator.StartAsync(definition, new EmulatorOptions
        {
            Port = 0,
            ApiType = apiType,
            ProjectDirectory = EmulatorHarness.AppFolder($$"""{ "api_gateway_stage": "{{stage}}" }"""),
        });

        using var response = await Send(emulator, testCase);
        Assert.Equal(200, (int)response.StatusCode);

        var expected = JsonNode.Parse(SharedFixtures.ReadText(file))!;
        var ignored = Paths(testCase, "volatile").Concat(Paths(testCase, "environmentDependent")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        AssertSnapshotMatches(expected, Assert.IsType<JsonObject>(received), ignored, "");
    }

    [Theory]
    [MemberData(nameof(Cases), "http-response")]
    public async Task Client_receives_the_response_the_real_gateway_sent(string file)
    {
        var testCase = RecordedEvents.Case(file);
        var lambdaResponse = Encoding.UTF8.GetBytes(testCase["lambdaResponseJson"]!.GetValue<string>());
        var definition = new ChaliceAppDefinition("recorded", [
            new RouteDefinition(testCase["route"]!["template"]!.GetValue<string>(), ["POST"], "ParseAndReturn", (_, _) => ValueTask.FromResult(new Response())),
        ], _ => new object());
        await using var emulator = await LocalEmulator.StartAsync(
            definition,
            new EmulatorOptions { Port = 0, ApiType = ApiType(testCase), ProjectDirectory = EmulatorHarness.AppFolder("{}") },
            function: (_, _) => ValueTask.FromResult(lambdaResponse));

        using var response = await Send(emulator, testCase);
        var expected = JsonNode.Parse(SharedFixtures.ReadText(file))!;
        Assert.Equal(expected["StatusCode"]!.GetValue<int>(), (int)response.StatusCode);
        Assert.Equal(expected["Content"]!.GetValue<string>(), await response.Content.ReadAsStringAsync());

        var skipped = Paths(testCase, "volatile").Concat(Paths(testCase, "hopByHop"))
            .Select(p => p["Headers.".Length..])
            .Append("Date")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expectedHeaders = expected["Headers"]!.AsObject()
            .ToDictionary(h => h.Key, h => h.Value!.AsArray().Select(v => v!.GetValue<string>()).Order().ToArray(), StringComparer.OrdinalIgnoreCase);
        var actualHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => h.Value.Order().ToArray(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in expectedHeaders.Keys.Union(actualHeaders.Keys, StringComparer.OrdinalIgnoreCase))
        {
            if (skipped.Contains(name))
            {
                Assert.True(actualHeaders.ContainsKey(name) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase), $"header {name} is missing");
                continue;
            }
            Assert.True(expectedHeaders.ContainsKey(name), $"unexpected header {name}");
            Assert.True(actualHeaders.ContainsKey(name), $"missing header {name}");
            Assert.Equal(expectedHeaders[name], actualHeaders[name]);
        }
        // HTTP APIs canonicalise header names; REST keeps them as the function wrote them.
        foreach (var name in expectedHeaders.Keys.Where(n => !skipped.Contains(n)))
            Assert.Contains(response.Headers.Concat(response.Content.Headers), h => h.Key == name);
    }

    /// <summary>
    /// Compares a snapshot with the event the handler received. Snapshot members are PascalCase and were re-serialised
    /// through .NET types: a member the type lacks is absent (so extra members of ours are fine), and a member the event
    /// lacked shows up as null or 0 (so those may be absent from ours). Ignored paths must still be present when the
    /// snapshot has a value.
    /// </summary>
    private static void AssertSnapshotMatches(JsonNode expected, JsonObject actual, HashSet<string> ignored, string path)
    {
        foreach (var (name, expectedValue) in expected.AsObject())
        {
            var memberPath = path.Length == 0 ? name : $"{path}.{name}";
            var actualValue = s_maps.Contains(path.Split('.')[^1])
                ? actual.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
                : actual[char.ToLowerInvariant(name[0]) + name[1..]];
            if (ignored.Contains(memberPath))
            {
                if (IsEmpty(expectedValue))
                    continue;
                Assert.True(actualValue is not null, $"{memberPath} is missing");
                continue;
            }
            if (IsEmpty(expectedValue))
            {
                Assert.True(IsEmpty(actualValue), $"{memberPath}: expected nothing, got {actualValue?.ToJsonString()}");
                continue;
            }
            if (expectedValue is JsonObject expectedObject)
            {
                var actualObject = Assert.IsType<JsonObject>(actualValue);
                if (s_maps.Contains(name))
                {
                    var extra = actualObject.Select(p => p.Key).Where(k =>
                        !expectedObject.Any(e => e.Key.Equals(k, StringComparison.OrdinalIgnoreCase)));
                    Assert.True(!extra.Any(), $"{memberPath} has unexpected members: {string.Join(", ", extra)}");
                }
                AssertSnapshotMatches(expectedObject, actualObject, ignored, memberPath);
                continue;
            }
            Assert.True(JsonNode.DeepEquals(expectedValue, actualValue), $"{memberPath}: expected {expectedValue!.ToJsonString()}, got {actualValue?.ToJsonString() ?? "nothing"}");
        }
    }

    private static bool IsEmpty(JsonNode? node) => node is null || node.ToJsonString() is "null" or "0";

    /// <summary>Replays the recorded request; the emulator serves REST APIs without the stage prefix, as chalice local does.</summary>
    private static async Task<HttpResponseMessage> Send(RunningEmulator emulator, JsonNode testCase)
    {
        using var client = EmulatorHarness.Client(emulator);
        var recorded = testCase["request"]!;
        var pathAndQuery = recorded["pathAndQueryWithoutStage"]?.GetValue<string>() ?? recorded["pathAndQuery"]!.GetValue<string>();
        var stagePrefix = "/" + testCase["stage"]!.GetValue<string>() + "/";
        if (ApiType(testCase) == ApiGatewayType.Rest && pathAndQuery.StartsWith(stagePrefix, StringComparison.Ordinal))
            pathAndQuery = pathAndQuery[(stagePrefix.Length - 1)..];
        var body = recorded["bodyBase64"] is { } base64
            ? Convert.FromBase64String(base64.GetValue<string>())
            : Encoding.UTF8.GetBytes(recorded["body"]?.GetValue<string>() ?? "");
        var request = new HttpRequestMessage(new HttpMethod(recorded["method"]!.GetValue<string>()), pathAndQuery)
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var header in recorded["headers"]!.AsArray())
        {
            var (name, value) = (header![0]!.GetValue<string>(), header[1]!.GetValue<string>());
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue; // the host is environment-dependent; the length follows from the body
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }

    private static ApiGatewayType ApiType(JsonNode testCase) => testCase["apiType"]!.GetValue<string>() switch
    {
        "rest" => ApiGatewayType.Rest,
        "httpv1" => ApiGatewayType.HttpPayloadV1,
        _ => ApiGatewayType.HttpPayloadV2,
    };

    private static IEnumerable<string> Paths(JsonNode testCase, string list) =>
        testCase[list]?.AsArray().Select(p => p!.GetValue<string>()) ?? [];
}
