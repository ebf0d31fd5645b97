using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Chalice.Functions;
using Chalice.Local.EventSources;
using Chalice.Local.S3;
using Chalice.Local.Tests.S3;
using Chalice.Testing;
using Chalice.Tests;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// S3's event notifications from the S3 stand-in to the app's S3 handlers, through the real AWS SDK client. The event is
/// compared member by member with AWS's sample, shared/fixtures/events/s3-event.json, and with the structure S3
/// documents (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html: the key
/// URL-encoded, "versionId … if bucket is versioning-enabled, otherwise null", size and eTag of created objects).
/// </summary>
public sealed class S3NotificationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryDirectory _data = new();
    private readonly RecordedInvocations _invocations = new();
    private readonly RecordingLogger _log = new();
    private AsynchronousInvoker _invoker = null!;
    private S3StandInHost _s3 = null!;

    private static readonly FunctionDefinition[] s_functions =
    [
        RecordedInvocations.Function("photos", new S3EventSettings("uploads", ["s3:ObjectCreated:*"], "photos/", ".jpg")),
        RecordedInvocations.Function("removals", new S3EventSettings("uploads", ["s3:ObjectRemoved:*"], null, null)),
        RecordedInvocations.Function("copies", new S3EventSettings("uploads", ["s3:ObjectCreated:Copy"], null, null)),
        RecordedInvocations.Function("elsewhere", new S3EventSettings("other", ["s3:ObjectCreated:*"], null, null)),
    ];

    public async ValueTask InitializeAsync()
    {
        _invoker = new AsynchronousInvoker(_invocations.Invoke, _log, TimeProvider.System);
        _s3 = await S3StandIn.StartAsync(new S3StandInOptions
        {
            DataDirectory = _data.Path,
            KnownBuckets = ["uploads", "other"],
            ChangeListener = new S3Notifications(s_functions, _invoker, new EventBuilder()),
        }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _s3.DisposeAsync();
        await _invoker.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_put_invokes_the_matching_handler_with_the_event_S3_sends()
    {
        using var client = S3TestClients.For(_s3.Endpoint);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var put = await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "uploads", Key = "photos/Happy Face+1 é.jpg", ContentBody = new string('x', 1024),
        }, Ct);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "photos/notes.txt", ContentBody = "suffix differs" }, Ct);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "docs/a.jpg", ContentBody = "prefix differs" }, Ct);
        await _invoker.WhenIdleAsync();

        var (function, @event) = Assert.Single(_invocations.Calls);
        Assert.Equal("photos", function);
        var expected = JsonNode.Parse(File.ReadAllText(SharedFixtures.Path("events/s3-event.json")))!;
        // Same members as AWS's sample, except versionId: the sample's bucket is versioned, this one is not.
        Assert.Equal(Members(expected).Where(m => m != "Records[].s3.object.versionId"), Members(@event));
        var record = @event["Records"]![0]!;
        Assert.Equal("2.1", (string?)record["eventVersion"]);
        Assert.Equal("aws:s3", (string?)record["eventSource"]);
        Assert.Equal("us-east-1", (string?)record["awsRegion"]);
        Assert.Equal("ObjectCreated:Put", (string?)record["eventName"]); // without "s3:", as in the sample
        var eventTime = DateTime.Parse((string)record["eventTime"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(eventTime, before, DateTime.UtcNow);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string?)record["eventTime"]);
        var s3 = record["s3"]!;
        Assert.Equal("uploads", (string?)s3["bucket"]!["name"]);
        Assert.Equal("arn:aws:s3:::uploads", (string?)s3["bucket"]!["arn"]);
        Assert.Equal("photos/Happy+Face%2B1+%C3%A9.jpg", (string?)s3["object"]!["key"]); // space as +, as S3 encodes keys
        Assert.Equal(1024, (long)s3["object"]!["size"]!);
        Assert.Equal(put.ETag.Trim('"'), (string?)s3["object"]!["eTag"]);
        Assert.Matches("^[0-9A-F]{18}$", (string?)s3["object"]!["sequencer"]);
        Assert.Equal(put.ResponseMetadata.RequestId, (string?)record["responseElements"]!["x-amz-request-id"]);
    }

    [Fact]
    public async Task Copies_and_deletes_are_their_own_event_types_and_a_missing_key_deletes_nothing()
    {
        using var client = S3TestClients.For(_s3.Endpoint);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "a.txt", ContentBody = "a" }, Ct);
        await client.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = "uploads", SourceKey = "a.txt", DestinationBucket = "uploads", DestinationKey = "b.txt",
        }, Ct);
        await client.DeleteObjectAsync("uploads", "a.txt", Ct);
        await client.DeleteObjectAsync("uploads", "never-there.txt", Ct);
        await client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = "uploads", Objects = [new KeyVersion { Key = "b.txt" }, new KeyVersion { Key = "also-missing" }],
        }, Ct);
        await _invoker.WhenIdleAsync();

        var calls = _invocations.Calls.Select(c => (c.Function, Name: (string)c.Event["Records"]![0]!["eventName"]!, Key: (string)c.Event["Records"]![0]!["s3"]!["object"]!["key"]!))
            .OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Function, StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            ("removals", "ObjectRemoved:Delete", "a.txt"),
            ("copies", "ObjectCreated:Copy", "b.txt"),
            ("removals", "ObjectRemoved:Delete", "b.txt"),
        ], calls);
        var removal = _invocations.Calls.First(c => c.Function == "removals").Event["Records"]![0]!["s3"]!["object"]!.AsObject();
        Assert.False(removal.ContainsKey("size")); // a removal carries neither size nor eTag
        Assert.False(removal.ContainsKey("eTag"));
        var sequencers = _invocations.Calls.Select(c => (string)c.Event["Records"]![0]!["s3"]!["object"]!["sequencer"]!).ToList();
        Assert.Equal(sequencers.Count, sequencers.Distinct().Count());
    }

    [Fact]
    public async Task A_completed_multipart_upload_is_one_CompleteMultipartUpload_event_with_the_object_size_and_etag()
    {
        using var client = S3TestClients.For(_s3.Endpoint);
        var uploadId = (await client.InitiateMultipartUploadAsync("uploads", "photos/big.jpg", Ct)).UploadId;
        var parts = new List<PartETag>();
        foreach (var (number, size) in new[] { (1, 5 * 1024 * 1024), (2, 100) })
        {
            var part = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = "uploads", Key = "photos/big.jpg", UploadId = uploadId, PartNumber = number, InputStream = new MemoryStream(new byte[size]),
            }, Ct);
            parts.Add(new PartETag(number, part.ETag));
        }
        await _invoker.WhenIdleAsync();
        Assert.Empty(_invocations.Calls); // parts are not objects: S3 notifies only the completion

        var completed = await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "uploads", Key = "photos/big.jpg", UploadId = uploadId, PartETags = parts,
        }, Ct);
        await _invoker.WhenIdleAsync();

        var (function, @event) = Assert.Single(_invocations.Calls);
        Assert.Equal("photos", function);
        var record = @event["Records"]![0]!;
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html#supported-notification-event-types
        Assert.Equal("ObjectCreated:CompleteMultipartUpload", (string?)record["eventName"]);
        Assert.Equal(5 * 1024 * 1024 + 100, (long)record["s3"]!["object"]!["size"]!);
        Assert.Equal(completed.ETag.Trim('"'), (string?)record["s3"]!["object"]!["eTag"]);
        Assert.EndsWith("-2", (string?)record["s3"]!["object"]!["eTag"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_bucket_with_versioning_enabled_sends_the_version_id_and_its_deletes_create_markers()
    {
        // "versionId: object version if bucket is versioning-enabled, otherwise null"
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html), and
        // s3:ObjectRemoved:DeleteMarkerCreated "when a delete marker is created for a versioned object"
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html).
        using var client = S3TestClients.For(_s3.Endpoint);
        await SetVersioningAsync(client, VersionStatus.Enabled);
        var put = await client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "photos/v.jpg", ContentBody = "v1" }, Ct);
        var marker = await client.DeleteObjectAsync("uploads", "photos/v.jpg", Ct);
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = "uploads", Key = "photos/v.jpg", VersionId = put.VersionId }, Ct);
        await _invoker.WhenIdleAsync();

        var expected = JsonNode.Parse(File.ReadAllText(SharedFixtures.Path("events/s3-event.json")))!;
        var created = _invocations.Calls.Single(c => c.Function == "photos").Event;
        Assert.Equal(Members(expected), Members(created)); // versionId included, as in AWS's sample from a versioned bucket
        Assert.Equal(put.VersionId, (string?)created["Records"]![0]!["s3"]!["object"]!["versionId"]);
        var removals = _invocations.Calls.Where(c => c.Function == "removals").Select(c => c.Event["Records"]![0]!).ToList();
        Assert.Equal(
            [("ObjectRemoved:Delete", put.VersionId), ("ObjectRemoved:DeleteMarkerCreated", marker.VersionId)],
            removals.Select(r => ((string)r["eventName"]!, (string?)r["s3"]!["object"]!["versionId"])).OrderBy(r => r.Item1, StringComparer.Ordinal));

        _invocations.Calls.Clear();
        await SetVersioningAsync(client, VersionStatus.Suspended);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "photos/s.jpg", ContentBody = "s" }, Ct);
        await client.DeleteObjectAsync("uploads", "photos/s.jpg", Ct);
        await _invoker.WhenIdleAsync();
        Assert.Equal(2, _invocations.Calls.Count);
        Assert.All(_invocations.Calls, c => Assert.False(c.Event["Records"]![0]!["s3"]!["object"]!.AsObject().ContainsKey("versionId")));
        Assert.Contains(_invocations.Calls, c => (string?)c.Event["Records"]![0]!["eventName"] == "ObjectRemoved:DeleteMarkerCreated");
    }

    private static Task SetVersioningAsync(IAmazonS3 client, VersionStatus status) =>
        client.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = "uploads", VersioningConfig = new S3BucketVersioningConfig { Status = status },
        }, Ct);

    [Fact]
    public async Task The_response_does_not_wait_for_the_handler()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations.Handle = (_, _, _) => new ValueTask<string>(release.Task);
        using var client = S3TestClients.For(_s3.Endpoint);

        var put = client.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "photos/slow.jpg", ContentBody = "x" }, Ct);

        await put.WaitAsync(TimeSpan.FromSeconds(30), Ct); // completes while the handler is still running
        Assert.Single(_invocations.Calls);
        release.SetResult("null");
        await _invoker.WhenIdleAsync();
    }

    [Theory]
    [InlineData("s3:ObjectCreated:*", null, null, "ObjectCreated:Put", "a/b.jpg", true)]
    [InlineData("s3:ObjectCreated:*", null, null, "ObjectCreated:Copy", "a/b.jpg", true)]
    [InlineData("s3:ObjectCreated:*", null, null, "ObjectRemoved:Delete", "a/b.jpg", false)]
    [InlineData("s3:ObjectCreated:Put", null, null, "ObjectCreated:Copy", "a/b.jpg", false)]
    [InlineData("s3:ObjectCreated:Put", null, null, "ObjectCreated:Put", "a/b.jpg", true)]
    [InlineData("s3:ObjectRemoved:*", null, null, "ObjectRemoved:Delete", "a/b.jpg", true)]
    [InlineData("s3:ObjectCreated:*", "a/", null, "ObjectCreated:Put", "a/b.jpg", true)]
    [InlineData("s3:ObjectCreated:*", "A/", null, "ObjectCreated:Put", "a/b.jpg", false)] // case-sensitive
    [InlineData("s3:ObjectCreated:*", null, ".jpg", "ObjectCreated:Put", "a/b.JPG", false)]
    [InlineData("s3:ObjectCreated:*", "a/", ".jpg", "ObjectCreated:Put", "a/b.png", false)]
    [InlineData("s3:ObjectCreated:*", "a/", ".jpg", "ObjectCreated:Put", "b/a/b.jpg", false)]
    public void A_handler_is_selected_by_event_type_prefix_and_suffix(
        string type, string? prefix, string? suffix, string eventName, string key, bool selected)
    {
        var settings = new S3EventSettings("uploads", [type], prefix, suffix);
        var change = new S3ObjectChange("uploads", key, eventName, 1, "\"e\"", null, "0", DateTime.UtcNow, "r", "h", "127.0.0.1");

        Assert.Equal(selected, S3EventFilter.Selects(settings, change));
        Assert.False(S3EventFilter.Selects(settings, change with { Bucket = "another" }));
    }

    /// <summary>Every member's path, array items as <c>[]</c>, sorted.</summary>
    private static List<string> Members(JsonNode node)
    {
        var paths = new List<string>();
        Walk(node, "", paths);
        return [.. paths.Distinct().Order(StringComparer.Ordinal)];

        static void Walk(JsonNode? node, string path, List<string> paths)
        {
            switch (node)
            {
                case JsonObject members:
                    foreach (var (name, value) in members)
                    {
                        var child = path.Length == 0 ? name : $"{path}.{name}";
                        paths.Add(child);
                        Walk(value, child, paths);
                    }
                    break;
                case JsonArray items:
                    foreach (var item in items)
                        Walk(item, path + "[]", paths);
                    break;
            }
        }
    }
}
