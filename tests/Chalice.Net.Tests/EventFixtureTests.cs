using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// The wire types against third-party oracles: every API Gateway sample event of aws-lambda-go and every event
/// recorded from a real gateway deserializes, loses nothing on the way back to JSON, and reads correctly through
/// <see cref="Request"/>.
/// </summary>
public sealed class EventFixtureTests
{
    public static TheoryData<string> SampleEvents()
    {
        // The non-API samples (S3, SQS, SNS, token authorizer, responses) have their own shapes and are not proxy events.
        var files = SharedFixtures.ListOrPlaceholder("events", "*.json")
            .Where(f => !File.Exists(Full(f)) || Kind(JsonNode.Parse(File.ReadAllText(Full(f)))!) != EventKind.Other);
        return new TheoryData<string>(files);
    }

    public static TheoryData<string> RecordedRequestEvents() => new(RecordedEvents.FilesOrPlaceholder("request-event"));

    [Theory]
    [MemberData(nameof(SampleEvents))]
    public void Sample_event_round_trips_and_reads_through_request(string fixture)
    {
        var json = JsonNode.Parse(SharedFixtures.ReadText(fixture))!;
        AssertRoundTripAndRequest(json);
    }

    [Theory]
    [MemberData(nameof(RecordedRequestEvents))]
    public void Recorded_event_round_trips_and_reads_through_request(string fixture)
    {
        // Upstream re-serialised the events with PascalCase member names; AWS sends camelCase.
        var json = RecordedEvents.CamelCase(JsonNode.Parse(SharedFixtures.ReadText(fixture))!, parent: null);
        AssertRoundTripAndRequest(json);
    }

    private static void AssertRoundTripAndRequest(JsonNode json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        switch (Kind(json))
        {
            case EventKind.Rest:
                var restEvent = ProxyEventJson.ParseRestEvent(bytes);
                JsonAssert.EquivalentIgnoringNulls(json, JsonNode.Parse(ProxyEventJson.Serialize(restEvent)));
                AssertRestRequest(json, new Request(restEvent));
                break;
            case EventKind.HttpApi:
                var httpEvent = ProxyEventJson.ParseHttpApiEvent(bytes);
                JsonAssert.EquivalentIgnoringNulls(json, JsonNode.Parse(ProxyEventJson.Serialize(httpEvent)));
                AssertHttpApiRequest(json, new Request(httpEvent));
                break;
            default:
                Assert.Fail("not an API Gateway proxy event");
                break;
        }
    }

    private static void AssertRestRequest(JsonNode json, Request request)
    {
        Assert.Equal(json["httpMethod"]!.GetValue<string>(), request.Method);
        Assert.Equal(json["path"]?.GetValue<string>() ?? "/", request.RawPath);
        Assert.Equal(json["resource"]?.GetValue<string>() ?? json["path"]?.GetValue<string>() ?? "/", request.Path);
        foreach (var (name, value) in Map(json["headers"]))
        {
            Assert.Equal(value, request.Headers[name]);
            Assert.Equal(value, request.Headers[name.ToUpperInvariant()]);
        }
        foreach (var (name, values) in MultiMap(json["multiValueHeaders"]))
            Assert.Equal(values, request.Headers.GetList(name.ToLowerInvariant()));
        foreach (var (name, value) in Map(json["queryStringParameters"]))
            Assert.Equal(value, request.QueryParams[name]);
        foreach (var (name, values) in MultiMap(json["multiValueQueryStringParameters"]))
            Assert.Equal(values, request.QueryParams.GetList(name));
        AssertCommon(json, request);

        var context = json["requestContext"];
        Assert.Equal(context?["requestId"]?.GetValue<string>(), request.Context.RequestId);
        Assert.Equal(context?["stage"]?.GetValue<string>(), request.Context.Stage);
        Assert.Equal(context?["identity"]?["sourceIp"]?.GetValue<string>(), request.Context.SourceIp);
        Assert.Equal(context?["identity"]?["userAgent"]?.GetValue<string>(), request.Context.UserAgent);
        Assert.Equal(context?["requestTimeEpoch"]?.GetValue<long>() ?? 0, request.Context.RequestTimeEpoch);
        AssertAuthorizer(context?["authorizer"], request);
    }

    private static void AssertHttpApiRequest(JsonNode json, Request request)
    {
        var context = json["requestContext"];
        Assert.Equal(context?["http"]?["method"]?.GetValue<string>() ?? "GET", request.Method);
        Assert.Equal(json["rawPath"]?.GetValue<string>() ?? "/", request.RawPath);
        foreach (var (name, value) in Map(json["headers"]))
            Assert.Equal(value, request.Headers[name.ToUpperInvariant()]);
        if (json["cookies"] is JsonArray cookies && cookies.Count > 0 && Map(json["headers"]).All(h => !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)))
            Assert.Equal(string.Join("; ", cookies.Select(c => c!.GetValue<string>())), request.Headers["Cookie"]);
        foreach (var (name, value) in Map(json["queryStringParameters"]))
        {
            Assert.Equal(value, request.QueryParams[name]);
            if (!string.IsNullOrEmpty(json["rawQueryString"]?.GetValue<string>()))
                Assert.Equal(value, string.Join(",", request.QueryParams.GetList(name)));
        }
        AssertCommon(json, request);

        Assert.Equal(context?["requestId"]?.GetValue<string>(), request.Context.RequestId);
        Assert.Equal(context?["stage"]?.GetValue<string>(), request.Context.Stage);
        Assert.Equal(context?["http"]?["sourceIp"]?.GetValue<string>(), request.Context.SourceIp);
        Assert.Equal(context?["timeEpoch"]?.GetValue<long>() ?? 0, request.Context.RequestTimeEpoch);
        AssertAuthorizer(context?["authorizer"], request);
    }

    private static void AssertCommon(JsonNode json, Request request)
    {
        Assert.Equal(Map(json["pathParameters"]), request.UriParams.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(Map(json["stageVariables"]), request.StageVariables.OrderBy(p => p.Key, StringComparer.Ordinal));
        var body = json["body"]?.GetValue<string>();
        if (json["isBase64Encoded"]?.GetValue<bool>() == true)
            Assert.Equal(Convert.FromBase64String(body!), request.RawBody);
        else
            Assert.Equal(body ?? "", request.RawBodyText);
    }

    private static void AssertAuthorizer(JsonNode? authorizer, Request request)
    {
        if (authorizer is JsonObject)
            Assert.True(JsonNode.DeepEquals(authorizer, request.Context.Authorizer));
        else
            Assert.Null(request.Context.Authorizer);
    }

    private static IEnumerable<KeyValuePair<string, string>> Map(JsonNode? node) =>
        node is JsonObject map
            ? map.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.GetValue<string>())).OrderBy(p => p.Key, StringComparer.Ordinal)
            : [];

    private static IEnumerable<(string Name, string[] Values)> MultiMap(JsonNode? node) =>
        node is JsonObject map ? map.Select(p => (p.Key, p.Value!.AsArray().Select(v => v!.GetValue<string>()).ToArray())) : [];

    private enum EventKind
    {
        Other,
        Rest,
        HttpApi,
    }

    private static EventKind Kind(JsonNode json) => json switch
    {
        _ when json["httpMethod"] is not null => EventKind.Rest,
        _ when json["rawPath"] is not null || json["routeKey"] is not null => EventKind.HttpApi,
        _ => EventKind.Other,
    };

    private static string Full(string relative) => Path.Combine(RepoPaths.SharedDir, "fixtures", relative);
}
