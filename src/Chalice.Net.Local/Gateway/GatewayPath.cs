namespace Chalice.Gateway;

/// <summary>
/// A request path as API Gateway reads it, which depends on the API type.
/// <list type="bullet">
/// <item>REST APIs route on the path as the client sent it and pass it on untouched: <c>path</c>,
/// <c>requestContext.path</c> and <c>pathParameters</c> keep every percent escape (<c>%20</c>, <c>%C3%A9</c>,
/// <c>%2F</c>), and <c>+</c> stays a plus.</item>
/// <item>HTTP APIs decode the path before routing (<c>%2F</c> becomes a segment separator), and report the decoded
/// path in payload 2.0's <c>rawPath</c> and <c>requestContext.http.path</c>, payload 1.0's <c>requestContext.path</c>
/// and both payloads' <c>pathParameters</c>; only payload 1.0's <c>path</c> keeps the client's escapes. They decode
/// twice, cutting the path at a <c>?</c> the first pass produced, and refuse a path whose escapes do not decode with
/// a 400.</item>
/// </list>
/// Evidence: requests recorded from real deployments by aws-lambda-dotnet's test tool, at
/// https://github.com/aws/aws-lambda-dotnet/tree/831492165a694825e0e762d68ec74f3e36b628c0/Tools/LambdaTestTool-v2/tests/Amazon.Lambda.TestTool.UnitTests/Snapshots
/// (<c>V1_SpecialCharactersInPath{Rest,HttpV1}.json</c>, <c>V1_UnicodeCharactersInPath{Rest,HttpV1}.json</c>,
/// <c>V2_SpecialCharactersInPath.json</c>, <c>V2_UnicodeCharactersInPath.json</c>), and the live captures of
/// https://github.com/hotsock/voker/blob/a1c00bf491e026f81917cc2edfdaca03eabc7518/vokerhttp/testdata/ingress-paths.json
/// (<c>%2F</c>, <c>%3F</c>, <c>%25</c> through an HTTP API; the REST API kept each path as sent).
/// </summary>
/// <param name="Sent">The path as the client sent it (dot segments resolved).</param>
/// <param name="Routed">The path the gateway routes on: <see cref="Sent"/> for REST APIs, decoded for HTTP APIs.</param>
internal readonly record struct GatewayPath(string Sent, string Routed)
{
    /// <summary>How the gateway of <paramref name="type"/> reads <paramref name="sent"/>; null when it refuses it (400).</summary>
    public static GatewayPath? Read(string sent, ApiGatewayType type)
    {
        if (type == ApiGatewayType.Rest || !sent.Contains('%'))
            return new GatewayPath(sent, sent);
        if (!TryDecode(sent, out var once))
            return null;
        var question = once.IndexOf('?');
        if (question >= 0)
            once = once[..question];
        return TryDecode(once, out var twice) ? new GatewayPath(sent, twice) : null;
    }

    /// <summary>Percent-decodes <paramref name="path"/> as UTF-8; false when an escape is not <c>%</c> and two hex digits.</summary>
    private static bool TryDecode(string path, out string decoded)
    {
        decoded = path;
        var percent = path.IndexOf('%');
        if (percent < 0)
            return true;
        for (; percent >= 0; percent = path.IndexOf('%', percent + 1))
        {
            if (percent + 2 >= path.Length || !char.IsAsciiHexDigit(path[percent + 1]) || !char.IsAsciiHexDigit(path[percent + 2]))
                return false;
        }
        // Unlike a query string's, a '+' in a path is a plus sign.
        decoded = Uri.UnescapeDataString(path);
        return true;
    }
}
