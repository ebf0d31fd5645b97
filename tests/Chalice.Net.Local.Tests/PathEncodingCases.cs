using System.Text.Json.Nodes;
using Chalice.Gateway;

namespace Chalice.Local.Tests;

/// <summary>
/// Request paths with percent escapes, and the event fields API Gateway hands the function for each, per API type.
/// REST APIs pass the path on as sent (<c>path</c>, <c>requestContext.path</c>, <c>pathParameters</c>); HTTP APIs
/// route on the decoded path and report it decoded (payload 2.0's <c>rawPath</c> and <c>requestContext.http.path</c>,
/// payload 1.0's <c>requestContext.path</c>, both payloads' <c>pathParameters</c>), except payload 1.0's
/// <c>path</c>, which stays as sent. Query string parameters are decoded in every mode (<c>+</c> is a space there),
/// and payload 2.0's <c>rawQueryString</c> stays as sent. Each case names its evidence; the emulator (over HTTP) and
/// the test client (in memory) are both held to this one table.
/// </summary>
internal static class PathEncodingCases
{
    /// <summary>Requests recorded from real deployments by aws-lambda-dotnet's test tool.</summary>
    private const string Recorded =
        "https://github.com/aws/aws-lambda-dotnet/tree/831492165a694825e0e762d68ec74f3e36b628c0/Tools/LambdaTestTool-v2/tests/Amazon.Lambda.TestTool.UnitTests/Snapshots";

    /// <summary>Live captures through a REST API and an HTTP API (payload 2.0) in front of one function.</summary>
    private const string LiveCaptures =
        "https://github.com/hotsock/voker/blob/a1c00bf491e026f81917cc2edfdaca03eabc7518/vokerhttp/testdata/ingress-paths.json";

    /// <summary>
    /// Sent with every case. Evidence for the decoded values:
    /// https://github.com/hotsock/voker/blob/7ef75517e45da8b29f00b299c5ff7e6eacae1c5b/vokerhttp/testdata/apigwv1-request.json
    /// and .../apigwv2-request.json at 7e397613eaf1da718392c5f50e0221ae2309dda9 (<c>literalPlus=a+b</c> → <c>a b</c>,
    /// <c>encodedPlus=a%2Bb</c> → <c>a+b</c>), and shared/fixtures/apigateway/recorded/V1_UrlEncodedQueryString*.json.
    /// </summary>
    public const string Query = "literalPlus=a+b&encodedPlus=a%2Bb&text=caf%C3%A9%20au%20lait";

    private static readonly (string Name, string Value)[] s_decodedQuery = [("literalPlus", "a b"), ("encodedPlus", "a+b"), ("text", "café au lait")];

    /// <summary>One request path and what each API type makes of it.</summary>
    /// <param name="Name">What the case shows, and its evidence.</param>
    /// <param name="Template">The route that serves it.</param>
    /// <param name="Sent">The path on the wire.</param>
    /// <param name="RestParameters">REST's <c>pathParameters</c>.</param>
    /// <param name="HttpPath">The decoded path HTTP APIs report, or null when they answer <see cref="HttpStatus"/>.</param>
    /// <param name="HttpParameters">HTTP APIs' <c>pathParameters</c>.</param>
    /// <param name="HttpStatus">What HTTP APIs answer when they do not invoke the function.</param>
    public sealed record PathCase(
        string Name,
        string Template,
        string Sent,
        (string Name, string Value)[] RestParameters,
        string? HttpPath,
        (string Name, string Value)[] HttpParameters,
        int HttpStatus = 200)
    {
        public override string ToString() => Name;
    }

    public static readonly PathCase[] All =
    [
        new($"spaces as %20, recorded: {Recorded}/V1_SpecialCharactersInPathRest.json, V1_SpecialCharactersInPathHttpV1.json, V2_SpecialCharactersInPath.json",
            "/users/{username}/orders/{orderName}",
            "/users/****%20Doe/orders/Summer%20Sale%202023",
            [("username", "****%20Doe"), ("orderName", "Summer%20Sale%202023")],
            "/users/**** Doe/orders/Summer Sale 2023",
            [("username", "**** Doe"), ("orderName", "Summer Sale 2023")]),
        new($"UTF-8 characters, recorded: {Recorded}/V1_UnicodeCharactersInPathRest.json, V1_UnicodeCharactersInPathHttpV1.json, V2_UnicodeCharactersInPath.json",
            "/products/{productName}/reviews/{reviewTitle}",
            "/products/%E2%98%95%20Coffee/reviews/%F0%9F%98%8A%20Happy",
            [("productName", "%E2%98%95%20Coffee"), ("reviewTitle", "%F0%9F%98%8A%20Happy")],
            "/products/☕ Coffee/reviews/😊 Happy",
            [("productName", "☕ Coffee"), ("reviewTitle", "😊 Happy")]),
        new("caf%C3%A9, as the recorded UTF-8 case",
            "/things/{name}", "/things/caf%C3%A9", [("name", "caf%C3%A9")], "/things/café", [("name", "café")]),
        new("a literal plus stays a plus in a path (REST: https://github.com/dherault/serverless-offline/issues/638; decoding a path never makes '+' a space)",
            "/things/{name}", "/things/a+b", [("name", "a+b")], "/things/a+b", [("name", "a+b")]),
        new("an encoded plus, as the other escapes",
            "/things/{name}", "/things/a%2Bb", [("name", "a%2Bb")], "/things/a+b", [("name", "a+b")]),
        new($"an encoded slash in a greedy parameter, live: {LiveCaptures} (slash%2Fvalue)",
            "/files/{path+}", "/files/slash%2Fvalue", [("path", "slash%2Fvalue")], "/files/slash/value", [("path", "slash/value")]),
        new($"an encoded slash in one segment: REST routes the segment as sent; an HTTP API routes on the decoded path, where it is two segments ({LiveCaptures})",
            "/things/{name}", "/things/a%2Fb", [("name", "a%2Fb")], null, [], HttpStatus: 404),
        new($"HTTP APIs decode twice, live: {LiveCaptures} (literal%2525value)",
            "/files/{path+}", "/files/literal%2525value", [("path", "literal%2525value")], "/files/literal%value", [("path", "literal%value")]),
        new($"HTTP APIs cut the path at a decoded '?', live: {LiveCaptures} (question%3Fvalue)",
            "/files/{path+}", "/files/question%3Fvalue", [("path", "question%3Fvalue")], "/files/question", [("path", "question")]),
        new($"HTTP APIs refuse a path whose second decoding fails, live: {LiveCaptures} (percent%25done)",
            "/files/{path+}", "/files/percent%25done", [("path", "percent%25done")], null, [], HttpStatus: 400),
    ];

    /// <summary>The templates the cases are routed to.</summary>
    public static IEnumerable<string> Templates => All.Select(c => c.Template).Distinct();

    /// <summary>The cases with every API type, for <c>[MemberData]</c>.</summary>
    public static TheoryData<int, ApiGatewayType> Matrix()
    {
        var data = new TheoryData<int, ApiGatewayType>();
        for (var i = 0; i < All.Length; i++)
        {
            foreach (var type in Enum.GetValues<ApiGatewayType>())
                data.Add(i, type);
        }
        return data;
    }

    /// <summary>The status the gateway answers the case with.</summary>
    public static int ExpectedStatus(PathCase testCase, ApiGatewayType type) =>
        type == ApiGatewayType.Rest ? 200 : testCase.HttpStatus;

    /// <summary>Asserts the fields of the event the function received for <paramref name="testCase"/> (sent with <see cref="Query"/>).</summary>
    public static void AssertEvent(PathCase testCase, ApiGatewayType type, JsonNode received, string stage)
    {
        var context = received["requestContext"]!;
        switch (type)
        {
            case ApiGatewayType.Rest:
                Assert.Equal(testCase.Template, received["resource"]!.GetValue<string>());
                Assert.Equal(testCase.Sent, received["path"]!.GetValue<string>());
                Assert.Equal($"/{stage}{testCase.Sent}", context["path"]!.GetValue<string>());
                AssertMap(testCase.RestParameters, received["pathParameters"]);
                break;
            case ApiGatewayType.HttpPayloadV1:
                Assert.Equal(testCase.Template, received["resource"]!.GetValue<string>());
                Assert.Equal(testCase.Sent, received["path"]!.GetValue<string>());
                Assert.Equal(testCase.HttpPath, context["path"]!.GetValue<string>());
                AssertMap(testCase.HttpParameters, received["pathParameters"]);
                break;
            default:
                Assert.Equal($"GET {testCase.Template}", received["routeKey"]!.GetValue<string>());
                Assert.Equal(testCase.HttpPath, received["rawPath"]!.GetValue<string>());
                Assert.Equal(testCase.HttpPath, context["http"]!["path"]!.GetValue<string>());
                AssertMap(testCase.HttpParameters, received["pathParameters"]);
                Assert.Equal(Query, received["rawQueryString"]!.GetValue<string>());
                break;
        }
        AssertMap(s_decodedQuery, received["queryStringParameters"]);
    }

    private static void AssertMap((string Name, string Value)[] expected, JsonNode? actual) =>
        Assert.Equal(
            expected.OrderBy(p => p.Name, StringComparer.Ordinal),
            actual!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())).OrderBy(p => p.Key, StringComparer.Ordinal));
}
