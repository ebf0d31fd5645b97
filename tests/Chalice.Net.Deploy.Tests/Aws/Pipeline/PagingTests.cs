using System.Net;
using Chalice.Deploy.Tests.Aws.Model;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>List operations follow every page (moto never pages, so the pages are scripted).</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Rest_apis_follow_position_tokens()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, """{"item":[{"id":"a","name":"one"}],"position":"p2"}""")
            .Then(HttpStatusCode.OK, """{"item":[{"id":"b","name":"two","createdDate":1700000000.5}],"position":"p3"}""")
            .Then(HttpStatusCode.OK, """{"item":[]}""");
        using var clients = ModelConformanceTests.LocalClients(handler);

        var apis = await clients.ApiGateway.GetRestApisAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], apis.Select(a => a.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), apis[1].CreatedDate);
        Assert.Equal(["?limit=500", "?limit=500&position=p2", "?limit=500&position=p3"], handler.Requests.Select(r => r.Uri.Query));
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task Iam_lists_follow_markers_while_truncated()
    {
        static string Page(string names, bool truncated, string? marker) =>
            $"<ListRolePoliciesResponse><ListRolePoliciesResult><PolicyNames>{names}</PolicyNames><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>" +
            (marker is null ? "" : $"<Marker>{marker}</Marker>") + "</ListRolePoliciesResult></ListRolePoliciesResponse>";
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Page("<member>a</member><member>b</member>", true, "m/2+"), "text/xml")
            .Then(HttpStatusCode.OK, Page("<member>c</member>", false, null), "text/xml");
        using var clients = ModelConformanceTests.LocalClients(handler);

        var names = await clients.Iam.ListRolePoliciesAsync("r", TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c"], names);
        Assert.Contains("Marker=m%2F2%2B", System.Text.Encoding.UTF8.GetString(handler.Requests[1].Body));
        ModelConformance.AssertConform(handler.Requests);
    }
}
