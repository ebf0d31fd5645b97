using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// Versioning behaviour the moto comparison cannot show, where moto 5.2.1 differs from AWS's documentation (the
/// stand-in follows the documentation), and versions surviving a restart and concurrent writers.
/// </summary>
public sealed class S3VersioningTests : IAsyncLifetime
{
    private const string Bucket = "versioned-bucket";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private S3StandInSession _session = null!;
    private AmazonS3Client _s3 = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        _session = await S3StandInSession.StartAsync(Bucket);
        _s3 = S3TestClients.For(_session.Endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        _s3.Dispose();
        _http.Dispose();
        await _session.DisposeAsync();
    }

    [Fact]
    public async Task A_delete_marker_hides_the_key_with_a_404_and_is_405_when_asked_for_by_its_version_id()
    {
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html: "If the current version of the object is
        // a delete marker, Amazon S3 behaves as if the object was deleted and includes x-amz-delete-marker: true in the
        // response. If the specified version is a delete marker, the response returns a 405 Method Not Allowed error and
        // the Last-Modified: timestamp response header." moto 5.2.1 answers 404 NoSuchVersion to the second.
        await SetVersioningAsync(VersionStatus.Enabled);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "x" }, Ct);
        var marker = (await _s3.DeleteObjectAsync(Bucket, "k", Ct)).VersionId;

        using var hidden = await _http.GetAsync(ObjectUri("k"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("true", Header(hidden, "x-amz-delete-marker"));
        Assert.Equal(marker, Header(hidden, "x-amz-version-id"));
        Assert.Contains("<Code>NoSuchKey</Code>", await hidden.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var byVersion = await _http.SendAsync(new HttpRequestMessage(method, ObjectUri("k", marker)), Ct);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, byVersion.StatusCode);
            Assert.Equal("true", Header(byVersion, "x-amz-delete-marker"));
            Assert.NotNull(byVersion.Content.Headers.LastModified);
        }
    }

    [Fact]
    public async Task Deleting_a_delete_marker_by_its_version_id_says_it_was_a_marker_and_restores_the_object()
    {
        // DeleteObject's x-amz-delete-marker "Indicates whether the specified object version that was permanently
        // deleted was (true) or was not (false) a delete marker before deletion"
        // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html); moto 5.2.1 leaves it out.
        await SetVersioningAsync(VersionStatus.Enabled);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "kept" }, Ct);
        var marker = (await _s3.DeleteObjectAsync(Bucket, "k", Ct)).VersionId;

        var removed = await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = "k", VersionId = marker }, Ct);

        Assert.Equal("true", removed.DeleteMarker);
        Assert.Equal(marker, removed.VersionId);
        Assert.Equal("kept", await BodyAsync("k", null));
    }

    [Fact]
    public async Task A_suspended_bucket_keeps_earlier_versions_and_its_deletes_make_a_null_delete_marker()
    {
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersionSuspendedBuckets.html: a put in a
        // suspended bucket makes the null version, replacing only an earlier null version;
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectsfromVersioningSuspendedBuckets.html: a
        // delete makes a delete marker whose version id is null and removes only the null version. moto 5.2.1 drops
        // the enabled-era versions instead.
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "original" }, Ct);
        await SetVersioningAsync(VersionStatus.Enabled);
        var enabled = (await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "enabled" }, Ct)).VersionId;
        await SetVersioningAsync(VersionStatus.Suspended);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "suspended" }, Ct);

        Assert.Equal(["null|True|False", $"{enabled}|False|False"], await VersionsAsync());
        Assert.Equal("suspended", await BodyAsync("k", "null")); // the original null version was replaced

        var delete = await _s3.DeleteObjectAsync(Bucket, "k", Ct);
        Assert.Equal(("true", "null"), (delete.DeleteMarker, delete.VersionId));
        Assert.Equal(["null|True|True", $"{enabled}|False|False"], await VersionsAsync());
        Assert.Equal("enabled", await BodyAsync("k", enabled));
    }

    [Fact]
    public async Task Versions_and_markers_survive_a_restart()
    {
        await SetVersioningAsync(VersionStatus.Enabled);
        var first = (await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "one" }, Ct)).VersionId;
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "two" }, Ct);
        await _s3.DeleteObjectAsync(Bucket, "k", Ct);
        var before = await VersionsAsync();

        await _session.RestartAsync();
        _s3.Dispose();
        _s3 = S3TestClients.For(_session.Endpoint);

        Assert.Equal(before, await VersionsAsync());
        Assert.Equal(3, before.Count);
        Assert.Equal("Enabled", (await _s3.GetBucketVersioningAsync(Bucket, Ct)).VersioningConfig.Status.Value);
        Assert.Equal("one", await BodyAsync("k", first));
    }

    [Fact]
    public async Task Concurrent_puts_to_one_key_each_make_a_version_and_readers_never_miss_the_key()
    {
        await SetVersioningAsync(VersionStatus.Enabled);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "seed" }, Ct);
        using var stop = new CancellationTokenSource();
        var misses = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await _http.GetAsync(ObjectUri("k"), Ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref misses);
            }
        }, Ct);

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            (await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = $"writer {i}" }, Ct)).VersionId));
        await stop.CancelAsync();
        await reader;

        Assert.Equal(0, misses);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(41, (await VersionsAsync()).Count);
    }

    [Fact]
    public async Task MFA_delete_is_refused_and_an_unknown_status_is_malformed()
    {
        using var mfa = await _http.PutAsync(new Uri(_session.Endpoint, $"/{Bucket}?versioning"), new StringContent(
            "<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Enabled</MfaDelete></VersioningConfiguration>"), Ct);
        Assert.Equal(HttpStatusCode.NotImplemented, mfa.StatusCode);
        using var unknown = await _http.PutAsync(new Uri(_session.Endpoint, $"/{Bucket}?versioning"), new StringContent(
            "<VersioningConfiguration><Status>Disabled</Status></VersioningConfiguration>"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("<Code>MalformedXML</Code>", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var unchanged = await _http.GetAsync(new Uri(_session.Endpoint, $"/{Bucket}?versioning"), Ct);
        Assert.DoesNotContain("<Status>", await unchanged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private Task SetVersioningAsync(VersionStatus status) =>
        _s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = Bucket, VersioningConfig = new S3BucketVersioningConfig { Status = status },
        }, Ct);

    private async Task<List<string>> VersionsAsync() =>
        [.. (await _s3.ListVersionsAsync(Bucket, Ct)).Versions.Select(v => $"{v.VersionId}|{v.IsLatest == true}|{v.IsDeleteMarker == true}")];

    private async Task<string> BodyAsync(string key, string? versionId)
    {
        using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key, VersionId = versionId }, Ct);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }

    private Uri ObjectUri(string key, string? versionId = null) =>
        new(_session.Endpoint, $"/{Bucket}/{key}" + (versionId is null ? "" : "?versionId=" + Uri.EscapeDataString(versionId)));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
