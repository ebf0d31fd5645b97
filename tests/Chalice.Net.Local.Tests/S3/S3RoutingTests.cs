using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Chalice.Local.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local.Tests.S3;

/// <summary>How requests reach operations: addressing styles, mounting, unsupported features, and response details.</summary>
public sealed class S3RoutingTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private S3StandInSession _session = null!;

    public async ValueTask InitializeAsync() =>
        _session = await S3StandInSession.StartAsync("routing-bucket", "vhost-bucket", "quiet", "presigned", "overrides");

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    [Fact]
    public async Task An_unsupported_subresource_is_501_and_does_not_touch_the_object()
    {
        await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/k", body: Encoding.ASCII.GetBytes("original"));

        var tagging = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/k?tagging", body: Encoding.ASCII.GetBytes("<Tagging/>"));
        var restore = await RawHttp.SendAsync(_session.Endpoint, "POST", "/routing-bucket/k?restore", body: Encoding.ASCII.GetBytes("<RestoreRequest/>"));
        var partNumberWithoutUpload = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/k?partNumber=1", body: Encoding.ASCII.GetBytes("part"));
        var get = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/k");

        Assert.Equal(501, tagging.StatusCode);
        Assert.Contains("<Code>NotImplemented</Code>", tagging.Body, StringComparison.Ordinal);
        Assert.Contains("'tagging'", tagging.Body, StringComparison.Ordinal);
        Assert.Equal(501, restore.StatusCode);
        Assert.Equal(501, partNumberWithoutUpload.StatusCode);
        Assert.Equal("original", get.Body);
    }

    [Fact]
    public async Task Virtual_host_style_addresses_the_same_objects_as_path_style()
    {
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(_session.Endpoint, "/nested/key.txt"))
        {
            Content = new StringContent("virtual"),
            Headers = { Host = $"vhost-bucket.localhost:{_session.Endpoint.Port}" },
        };
        using var putResponse = await http.SendAsync(put, Ct);

        var get = await http.GetStringAsync(new Uri(_session.Endpoint, "/vhost-bucket/nested/key.txt"), Ct);

        Assert.Equal(HttpStatusCode.OK, putResponse.StatusCode);
        Assert.Equal("virtual", get);
    }

    [Fact]
    public async Task The_handler_serves_the_sdk_when_mounted_under_a_path_in_another_app()
    {
        using var data = new TemporaryDirectory();
        var handler = new S3RequestHandler(new S3StandInOptions { DataDirectory = data.Path, KnownBuckets = ["mounted"] });
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Map("/aws/s3", branch => branch.Run(handler.HandleAsync));
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        using var s3 = S3TestClients.For(new Uri(new Uri(address), "/aws/s3"));
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "mounted", Key = "a/b", ContentBody = "mounted body" }, Ct);
        using var response = await s3.GetObjectAsync("mounted", "a/b", Ct);
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal("mounted body", await reader.ReadToEndAsync(Ct));
        Assert.True(File.Exists(Path.Combine(data.Path, "mounted", "bucket.json")));
        await app.StopAsync(Ct);
    }

    [Fact]
    public async Task Errors_are_s3_documents_carrying_the_key_and_request_id()
    {
        var response = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/missing%20key");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/xml", response.Header("Content-Type"));
        Assert.Contains("<Code>NoSuchKey</Code>", response.Body, StringComparison.Ordinal);
        Assert.Contains("<Key>missing key</Key>", response.Body, StringComparison.Ordinal);
        Assert.Contains($"<RequestId>{response.Header("x-amz-request-id")}</RequestId>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conditional_gets_answer_304_and_412()
    {
        var put = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/cond", body: Encoding.ASCII.GetBytes("x"));
        var etag = put.Header("ETag")!;

        var notModified = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/cond", [("If-None-Match", etag)]);
        var failed = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/cond", [("If-Match", "\"0000\"")]);
        var matched = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/cond", [("If-Match", etag)]);

        Assert.Equal(304, notModified.StatusCode);
        Assert.Equal(etag, notModified.Header("ETag"));
        Assert.Equal(412, failed.StatusCode);
        Assert.Contains("<Code>PreconditionFailed</Code>", failed.Body, StringComparison.Ordinal);
        Assert.Equal(200, matched.StatusCode);
        var lastModified = DateTimeOffset.Parse(matched.Header("Last-Modified")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lastModified, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var unchangedSince = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/cond", [("If-Modified-Since", matched.Header("Last-Modified")!)]);
        Assert.Equal(304, unchangedSince.StatusCode);
    }

    [Fact]
    public async Task An_error_after_the_object_was_found_carries_none_of_its_headers()
    {
        await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/meta", [("x-amz-meta-secret", "s"), ("Content-Type", "text/plain")], [1, 2, 3]);

        var response = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/meta", [("Range", "bytes=10-")]);

        Assert.Equal(416, response.StatusCode);
        Assert.Contains("<ActualObjectSize>3</ActualObjectSize>", response.Body, StringComparison.Ordinal);
        Assert.Null(response.Header("x-amz-meta-secret"));
        Assert.Null(response.Header("ETag"));
        Assert.Equal("application/xml", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Url_encoded_listings_percent_encode_keys()
    {
        await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/dir/a%20b%2Bc%C3%A9", body: [1]);

        var listing = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket?list-type=2&encoding-type=url");

        Assert.Contains("<Key>dir/a%20b%2Bc%C3%A9</Key>", listing.Body, StringComparison.Ordinal);
        Assert.Contains("<EncodingType>url</EncodingType>", listing.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_with_a_control_character_does_not_break_the_listing()
    {
        await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/bell%07key", body: [1]);

        var listing = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket?list-type=2");

        Assert.Equal(200, listing.StatusCode);
        Assert.Contains("<Key>bell&#x7;key</Key>", listing.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_delete_objects_reports_only_errors_as_aws_documents()
    {
        using var s3 = S3TestClients.For(_session.Endpoint);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "quiet", Key = "gone", ContentBody = "x" }, Ct);

        // The SDK turns a DeleteObjects response with errors into an exception that carries the response.
        var failure = await Assert.ThrowsAsync<DeleteObjectsException>(() => s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = "quiet", Quiet = true, Objects = [new KeyVersion { Key = "gone" }, new KeyVersion { Key = "a/../escape" }],
        }, Ct));

        Assert.Empty(failure.Response.DeletedObjects ?? []);
        Assert.Equal("InvalidArgument", Assert.Single(failure.Response.DeleteErrors).Code);
        Assert.Equal(0, (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "quiet" }, Ct)).KeyCount);
    }

    [Fact]
    public async Task A_conditional_delete_objects_entry_is_501_and_deletes_nothing()
    {
        await RawHttp.SendAsync(_session.Endpoint, "PUT", "/routing-bucket/kept", body: Encoding.ASCII.GetBytes("kept"));

        var delete = await RawHttp.SendAsync(_session.Endpoint, "POST", "/routing-bucket?delete",
            body: Encoding.ASCII.GetBytes("<Delete><Object><Key>kept</Key><ETag>\"not-its-etag\"</ETag></Object></Delete>"));
        var get = await RawHttp.SendAsync(_session.Endpoint, "GET", "/routing-bucket/kept");

        Assert.Equal(501, delete.StatusCode);
        Assert.Contains("'ETag'", delete.Body, StringComparison.Ordinal);
        Assert.Equal("kept", get.Body);
    }

    [Fact]
    public async Task Presigned_urls_from_the_sdk_work_in_a_plain_http_client()
    {
        using var s3 = S3TestClients.For(_session.Endpoint);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "presigned", Key = "file.txt", ContentBody = "shared" }, Ct);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "presigned", Key = "file.txt", Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTP,
        });

        using var http = new HttpClient();
        Assert.Equal("shared", await http.GetStringAsync(url, Ct));
    }

    [Fact]
    public async Task The_response_content_type_override_replaces_the_stored_type_for_one_response()
    {
        using var s3 = S3TestClients.For(_session.Endpoint);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "overrides", Key = "k", ContentBody = "{}", ContentType = "text/plain" }, Ct);

        using var response = await s3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = "overrides", Key = "k", ResponseHeaderOverrides = { ContentType = "application/json" },
        }, Ct);

        Assert.Equal("application/json", response.Headers.ContentType);
    }
}
