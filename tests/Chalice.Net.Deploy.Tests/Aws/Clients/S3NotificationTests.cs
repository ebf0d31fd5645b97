using System.Net;
using System.Text;
using System.Xml.Linq;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Aws.Signing;
using Chalice.Deploy.Tests.Aws.Model;

namespace Chalice.Deploy.Tests.Aws.Clients;

/// <summary>
/// The S3 notification client and configuration: addressing, signing, and a write that changes nothing but the
/// deployer's Lambda entries. moto drops the EventBridge entry and keeps no unknown members, so the exactness of what
/// is written back is checked here, against S3's XML as a handler answers it.
/// </summary>
public sealed class S3NotificationTests
{
    private static readonly XNamespace s_s3 = BucketNotificationConfiguration.Namespace;

    // A bucket owner's configuration: a topic entry with a member this client does not know, a queue entry, another
    // function's entry, EventBridge, and an entry kind S3 might add later.
    private const string TheirConfiguration =
        """<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">""" +
        """<TopicConfiguration><Id>topic</Id><Topic>arn:aws:sns:us-east-1:123456789012:t</Topic><Event>s3:ObjectRemoved:*</Event><Future>kept</Future></TopicConfiguration>""" +
        """<QueueConfiguration><Id>queue</Id><Queue>arn:aws:sqs:us-east-1:123456789012:q</Queue><Event>s3:ObjectCreated:*</Event>""" +
        """<Filter><S3Key><FilterRule><Name>Suffix</Name><Value>.csv</Value></FilterRule></S3Key></Filter></QueueConfiguration>""" +
        """<CloudFunctionConfiguration><Id>other-app</Id><CloudFunction>arn:aws:lambda:us-east-1:123456789012:function:other</CloudFunction>""" +
        """<Event>s3:ObjectCreated:Put</Event><Future>kept too</Future></CloudFunctionConfiguration>""" +
        """<EventBridgeConfiguration/><FutureConfiguration><Setting>on</Setting></FutureConfiguration>""" +
        """</NotificationConfiguration>""";

    private static readonly LambdaFunctionNotification s_ours = new()
    {
        Id = "app-dev-on_upload", LambdaFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:app-dev-on_upload",
        Events = ["s3:ObjectCreated:*"], FilterRules = [new("prefix", "uploads/"), new("suffix", ".png")],
    };

    private static AwsClients Clients(ScriptedHandler handler, string region = "us-east-1", Uri? endpoint = null) =>
        new(new AwsSettings(new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret")), region, endpoint),
            new AwsClientOptions { HttpHandler = handler, Delay = static (_, _) => Task.CompletedTask }, static _ => null);

    [Theory]
    [InlineData("us-east-1", "my-bucket", "https://my-bucket.s3.us-east-1.amazonaws.com/?notification")]
    [InlineData("eu-west-1", "my-bucket", "https://my-bucket.s3.eu-west-1.amazonaws.com/?notification")]
    [InlineData("cn-north-1", "my-bucket", "https://my-bucket.s3.cn-north-1.amazonaws.com.cn/?notification")]
    [InlineData("us-east-1", "my.dotted.bucket", "https://s3.us-east-1.amazonaws.com/my.dotted.bucket?notification")]
    public async Task Buckets_are_addressed_virtual_hosted_style_on_aws_unless_their_name_is_no_dns_label(string region, string bucket, string expected)
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "<NotificationConfiguration/>", "application/xml");
        using var clients = Clients(handler, region);

        await clients.S3.GetBucketNotificationConfigurationAsync(bucket, cancellationToken: TestContext.Current.CancellationToken);

        var request = handler.Requests.Single();
        Assert.Equal(expected, request.Uri.ToString());
        Assert.Contains($"/{region}/s3/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(SigV4Signer.HashPayload([]), request.Headers["X-Amz-Content-SHA256"]);
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task A_custom_endpoint_is_addressed_path_style()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "<NotificationConfiguration/>", "application/xml");
        using var clients = Clients(handler, endpoint: new Uri("http://127.0.0.1:4566"));

        await clients.S3.GetBucketNotificationConfigurationAsync("my-bucket", "123456789012", TestContext.Current.CancellationToken);

        var request = handler.Requests.Single();
        Assert.Equal("http://127.0.0.1:4566/my-bucket?notification", request.Uri.ToString());
        Assert.Equal("123456789012", request.Headers["x-amz-expected-bucket-owner"]);
    }

    [Fact]
    public async Task Adding_our_entry_writes_every_other_entry_back_exactly_as_read()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, TheirConfiguration, "application/xml")
            .Then(HttpStatusCode.OK, "", "application/xml");
        using var clients = Clients(handler);
        var ct = TestContext.Current.CancellationToken;

        var read = await clients.S3.GetBucketNotificationConfigurationAsync("b", cancellationToken: ct);
        await clients.S3.PutBucketNotificationConfigurationAsync("b", read.WithLambdaFunction(s_ours), cancellationToken: ct);

        var written = XElement.Parse(Encoding.UTF8.GetString(handler.Requests[1].Body));
        var theirs = XElement.Parse(TheirConfiguration).Elements().ToList();
        Assert.Equal(s_s3 + "NotificationConfiguration", written.Name);
        Assert.Equal(
            ["TopicConfiguration", "QueueConfiguration", "CloudFunctionConfiguration", "CloudFunctionConfiguration", "EventBridgeConfiguration", "FutureConfiguration"],
            written.Elements().Select(e => e.Name.LocalName));
        var kept = written.Elements().Where((_, i) => i != 3).ToList();
        Assert.All(kept.Zip(theirs), pair => Assert.True(SameXml(pair.First, pair.Second), $"{pair.First}\n!=\n{pair.Second}"));
        Assert.True(SameXml(XElement.Parse(
            """<CloudFunctionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Id>app-dev-on_upload</Id>""" +
            """<CloudFunction>arn:aws:lambda:us-east-1:123456789012:function:app-dev-on_upload</CloudFunction><Event>s3:ObjectCreated:*</Event>""" +
            """<Filter><S3Key><FilterRule><Name>prefix</Name><Value>uploads/</Value></FilterRule><FilterRule><Name>suffix</Name><Value>.png</Value></FilterRule></S3Key></Filter>""" +
            "</CloudFunctionConfiguration>"), written.Elements().ElementAt(3)), written.Elements().ElementAt(3).ToString());
        Assert.Equal("PUT", handler.Requests[1].Method.Method);
        Assert.Equal(SigV4Signer.HashPayload(handler.Requests[1].Body), handler.Requests[1].Headers["X-Amz-Content-SHA256"]);
        // Not checked against the model: the owner's entries go back as S3 gave them, with members the model does not list
        // and S3's capitalised Suffix, which it accepts on writes too (Chalice writes back what it read the same way:
        // connect_s3_bucket_to_lambda in aws/chalice chalice/awsclient.py).
    }

    [Fact]
    public void Changing_our_entry_replaces_it_in_place_and_an_unchanged_entry_keeps_its_xml()
    {
        var read = BucketNotificationConfiguration.Parse(XElement.Parse(TheirConfiguration)).WithLambdaFunction(s_ours);
        var reread = BucketNotificationConfiguration.Parse(read.ToXml().Root!);

        var changed = reread.WithLambdaFunction(s_ours with { Events = ["s3:ObjectRemoved:*"] });
        var unchangedOther = reread.WithLambdaFunction(reread.LambdaFunctions[0]);

        Assert.Equal(["other-app", "app-dev-on_upload"], changed.LambdaFunctions.Select(l => l.Id));
        Assert.Equal(["s3:ObjectRemoved:*"], changed.LambdaFunctions[1].Events);
        Assert.True(SameXml(reread.ToXml().Root, unchangedOther.ToXml().Root), "an unchanged entry keeps the members this type does not know");
        Assert.Contains("kept too", unchangedOther.ToXml().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_our_entry_leaves_the_others()
    {
        var withOurs = BucketNotificationConfiguration.Parse(XElement.Parse(TheirConfiguration)).WithLambdaFunction(s_ours);

        var without = withOurs.WithoutLambdaFunction(s_ours.Id!);

        Assert.True(SameXml(XElement.Parse(TheirConfiguration), without.ToXml().Root));
        Assert.True(SameXml(without.ToXml().Root, without.WithoutLambdaFunction("not-there").ToXml().Root));
    }

    [Fact]
    public void A_new_entry_goes_after_the_topic_and_queue_entries_when_there_is_no_lambda_entry()
    {
        var configuration = BucketNotificationConfiguration.Parse(XElement.Parse(
            """<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><QueueConfiguration><Queue>q</Queue></QueueConfiguration><EventBridgeConfiguration/></NotificationConfiguration>"""));

        Assert.Equal(["QueueConfiguration", "CloudFunctionConfiguration", "EventBridgeConfiguration"],
            configuration.WithLambdaFunction(s_ours).ToXml().Root!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["CloudFunctionConfiguration"], BucketNotificationConfiguration.Empty.WithLambdaFunction(s_ours).ToXml().Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Entries_read_without_s3s_namespace_are_written_in_it()
    {
        var configuration = BucketNotificationConfiguration.Parse(XElement.Parse(
            "<NotificationConfiguration><QueueConfiguration><Queue>q</Queue><Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>"));

        Assert.All(configuration.ToXml().Root!.DescendantsAndSelf(), e => Assert.Equal(s_s3, e.Name.Namespace));
    }

    [Fact]
    public void Entries_are_equal_whatever_the_case_of_rule_names_and_the_order_of_events_and_rules()
    {
        // S3 answers Prefix/Suffix for the prefix/suffix it was sent (https://github.com/aws/aws-sdk/issues/389).
        var asRead = s_ours with { FilterRules = [new("Suffix", ".png"), new("Prefix", "uploads/")] };

        Assert.Equal(s_ours, asRead);
        Assert.Equal("uploads/", asRead.Rule("prefix"));
        Assert.NotEqual(s_ours, s_ours with { FilterRules = [new("prefix", "uploads/")] });
        Assert.NotEqual(s_ours, s_ours with { Events = ["s3:ObjectCreated:Put"] });
    }

    [Fact]
    public async Task A_missing_bucket_is_s3s_no_such_bucket()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NotFound,
            "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>b</BucketName><RequestId>r</RequestId></Error>",
            "application/xml", ("x-amz-request-id", "r"));
        using var clients = Clients(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.S3.GetBucketNotificationConfigurationAsync("b", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("S3 GetBucketNotificationConfiguration failed: NoSuchBucket: The specified bucket does not exist (HTTP 404, request id r)", error.Message);
        Assert.True(error.IsNotFound);
    }

    /// <summary>The same elements, names (with namespaces), attributes and text, whichever element declares the namespace.</summary>
    private static bool SameXml(XElement? left, XElement? right)
    {
        static XElement WithoutDeclarations(XElement element)
        {
            var copy = new XElement(element);
            foreach (var e in copy.DescendantsAndSelf())
                e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            return copy;
        }
        return left is not null && right is not null && XNode.DeepEquals(WithoutDeclarations(left), WithoutDeclarations(right));
    }
}
