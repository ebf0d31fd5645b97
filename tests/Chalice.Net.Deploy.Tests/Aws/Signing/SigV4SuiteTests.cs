using System.Text.Json;
using Chalice.Deploy.Aws.Signing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Signing;

/// <summary>
/// The AWS SigV4 test suite (shared/fixtures/sigv4): every one of the 34 cases is signed and compared exactly for the
/// canonical request, the string to sign and the Authorization header, and the signed headers against <c>.sreq</c>.
/// <para>
/// Decisions on the suite's quirks:
/// <list type="bullet">
/// <item>The four cases botocore skips run here. normalize-path/get-space has a literal space in its request line:
/// the parser cuts the path between the first space and the last " HTTP/", and the signer encodes the space as %20.
/// The three repeated/unsorted query-key cases need no special request model because <see cref="SignableRequest"/>
/// carries the raw query string.</item>
/// <item>get-vanilla-with-session-token's <c>.sreq</c> carries get-vanilla's signature (an upstream leftover). Its
/// <c>.creq</c>, <c>.sts</c> and <c>.authz</c> agree with each other and are what we check;
/// <see cref="The_stale_session_token_sreq_carries_the_get_vanilla_signature"/> pins the quirk so a fixed upstream
/// file would be noticed.</item>
/// <item>post-sts-header-after signs with <see cref="SigV4Options.SignSessionToken"/> off: the token is set after
/// signing and is not in SignedHeaders.</item>
/// </list>
/// </para>
/// </summary>
public sealed class SigV4SuiteTests
{
    private static readonly AwsCredentials s_credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset s_time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string StaleSreqCase = "get-vanilla-with-session-token";

    public static TheoryData<string> Cases => [.. SharedFixtures.ListOrPlaceholder("sigv4", "*.req")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_request_string_to_sign_and_authorization_match_the_suite(string reqFile)
    {
        var suiteCase = LoadCase(reqFile);

        var signature = Sign(suiteCase);

        Assert.Equal(suiteCase.Expected(".creq"), signature.CanonicalRequest);
        Assert.Equal(suiteCase.Expected(".sts"), signature.StringToSign);
        Assert.Equal(suiteCase.Expected(".authz"), signature.Authorization);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signed_request_headers_match_the_suite_sreq(string reqFile)
    {
        var suiteCase = LoadCase(reqFile);
        var signature = Sign(suiteCase);

        var signedHeaders = suiteCase.Request.Headers.ToList();
        foreach (var (name, value) in signature.HeadersToSet)
        {
            var existing = signedHeaders.FindIndex(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
                signedHeaders[existing] = new(name, value);
            else
                signedHeaders.Add(new(name, value));
        }
        var expected = SreqHeaders(suiteCase);
        if (suiteCase.Name == StaleSreqCase)
        {
            // Known upstream flaw (see class remarks): compare everything but the stale Authorization value.
            signedHeaders.RemoveAll(h => h.Key == "Authorization");
            expected.RemoveAll(h => h.Key == "authorization");
        }

        Assert.Equal(Normalize(expected), Normalize(signedHeaders));
    }

    [Fact]
    public void The_stale_session_token_sreq_carries_the_get_vanilla_signature()
    {
        var tokenCase = SigV4SuiteCase.Load(SharedFixtures.Path($"sigv4/{StaleSreqCase}"));
        var vanilla = SigV4SuiteCase.Load(SharedFixtures.Path("sigv4/get-vanilla"));

        var staleAuthorization = SreqHeaders(tokenCase).Single(h => h.Key == "authorization").Value;

        Assert.Equal(vanilla.Expected(".authz").Split("Signature=")[1], staleAuthorization.Split("Signature=")[1]);
        Assert.NotEqual(tokenCase.Expected(".authz"), staleAuthorization);
    }

    [Fact]
    public void The_suite_has_all_34_cases_listed_in_its_index()
    {
        using var index = JsonDocument.Parse(SharedFixtures.ReadText("sigv4/cases.json"));
        var listed = index.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => c.GetProperty("case").GetString()!).Order(StringComparer.Ordinal).ToArray();
        var found = SharedFixtures.ListOrPlaceholder("sigv4", "*.req")
            .Select(f => Path.GetRelativePath("sigv4", Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(34, index.RootElement.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(listed, found);
    }

    private static SigV4SuiteCase LoadCase(string reqFile) =>
        SigV4SuiteCase.Load(Path.GetDirectoryName(SharedFixtures.Path(reqFile))!);

    private static SigV4Signature Sign(SigV4SuiteCase suiteCase)
    {
        // The session token is a signing input the suite gives only in the signed request.
        var token = SreqHeaders(suiteCase).FirstOrDefault(h => h.Key == "x-amz-security-token").Value;
        var options = SigV4Options.Default with { SignSessionToken = suiteCase.Name != "post-sts-header-after" };
        return new SigV4Signer(options).Sign(suiteCase.Request, s_credentials with { SessionToken = token }, "us-east-1", "service", s_time);
    }

    private static List<KeyValuePair<string, string>> SreqHeaders(SigV4SuiteCase suiteCase)
    {
        var head = suiteCase.Expected(".sreq").Split("\n\n")[0];
        return SigV4SuiteCase.ParseHeaders(head.Split('\n').Skip(1))
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.TrimStart(' ')))
            .ToList();
    }

    private static string[] Normalize(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value.Trim()}").Order(StringComparer.Ordinal).ToArray();
}
