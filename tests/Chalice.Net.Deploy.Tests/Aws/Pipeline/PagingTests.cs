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

    [Fact]
    public async Task Event_bridge_lists_follow_next_tokens()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, """{"Rules":[{"Name":"app-dev-a"}],"NextToken":"t2"}""", "application/x-amz-json-1.1")
            .Then(HttpStatusCode.OK, """{"Rules":[{"Name":"app-dev-b"}]}""", "application/x-amz-json-1.1")
            .Then(HttpStatusCode.OK, """{"Targets":[{"Id":"1","Arn":"arn:a"}],"NextToken":"u2"}""", "application/x-amz-json-1.1")
            .Then(HttpStatusCode.OK, """{"Targets":[{"Id":"2","Arn":"arn:b"}],"NextToken":""}""", "application/x-amz-json-1.1");
        using var clients = ModelConformanceTests.LocalClients(handler);

        var rules = await clients.EventBridge.ListRulesAsync("app-dev-", TestContext.Current.CancellationToken);
        var targets = await clients.EventBridge.ListTargetsByRuleAsync("app-dev-a", TestContext.Current.CancellationToken);

        Assert.Equal(["app-dev-a", "app-dev-b"], rules.Select(r => r.Name));
        Assert.Equal(["1", "2"], targets.Select(t => t.Id));
        Assert.Equal(
            ["""{"NamePrefix":"app-dev-"}""", """{"NamePrefix":"app-dev-","NextToken":"t2"}""", """{"Rule":"app-dev-a"}""", """{"Rule":"app-dev-a","NextToken":"u2"}"""],
            handler.Requests.Select(r => System.Text.Encoding.UTF8.GetString(r.Body)));
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task Sns_subscriptions_follow_next_tokens()
    {
        static string Page(string arns, string? next) =>
            "<ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult><Subscriptions>" + arns + "</Subscriptions>" +
            (next is null ? "" : $"<NextToken>{next}</NextToken>") + "</ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>";
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Page("<member><SubscriptionArn>arn:t:1</SubscriptionArn><Protocol>lambda</Protocol></member>", "n/2"), "text/xml")
            .Then(HttpStatusCode.OK, Page("<member><SubscriptionArn>arn:t:2</SubscriptionArn><Protocol>sqs</Protocol></member>", null), "text/xml");
        using var clients = ModelConformanceTests.LocalClients(handler);

        var subscriptions = await clients.Sns.ListSubscriptionsByTopicAsync("arn:aws:sns:us-east-1:123456789012:t", TestContext.Current.CancellationToken);

        Assert.Equal(["arn:t:1 lambda", "arn:t:2 sqs"], subscriptions.Select(s => $"{s.SubscriptionArn} {s.Protocol}"));
        Assert.Contains("NextToken=n%2F2", System.Text.Encoding.UTF8.GetString(handler.Requests[1].Body));
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task Event_source_mappings_follow_markers()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, """{"EventSourceMappings":[{"UUID":"a"}],"NextMarker":"m2"}""")
            .Then(HttpStatusCode.OK, """{"EventSourceMappings":[{"UUID":"b"}]}""");
        using var clients = ModelConformanceTests.LocalClients(handler);

        var mappings = await clients.Lambda.ListEventSourceMappingsAsync("f", "arn:aws:sqs:us-east-1:123456789012:q", TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], mappings.Select(m => m.Uuid));
        Assert.Equal(
            ["?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aq&FunctionName=f",
             "?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aq&FunctionName=f&Marker=m2"],
            handler.Requests.Select(r => r.Uri.Query));
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task Log_groups_follow_next_tokens()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, """{"logGroups":[{"logGroupName":"/aws/lambda/a","retentionInDays":7,"creationTime":1700000000000}],"nextToken":"x"}""",
                "application/x-amz-json-1.1")
            .Then(HttpStatusCode.OK, """{"logGroups":[{"logGroupName":"/aws/lambda/b"}]}""", "application/x-amz-json-1.1");
        using var clients = ModelConformanceTests.LocalClients(handler);

        var groups = await clients.Logs.DescribeLogGroupsAsync("/aws/lambda/", TestContext.Current.CancellationToken);

        Assert.Equal(["/aws/lambda/a 7", "/aws/lambda/b "], groups.Select(g => $"{g.LogGroupName} {g.RetentionInDays}"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), groups[0].CreationTime);
        Assert.Equal("""{"logGroupNamePrefix":"/aws/lambda/","nextToken":"x"}""", System.Text.Encoding.UTF8.GetString(handler.Requests[1].Body));
        ModelConformance.AssertConform(handler.Requests);
    }
}
