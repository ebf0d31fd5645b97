using System.Collections.Concurrent;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Chalice.Configuration;
using Chalice.Local.S3;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// The stand-in has exactly the buckets the app is known to use (declared in <c>local_s3_buckets</c>, or created by the
/// app itself), so an app that works locally only because a bucket appeared out of nowhere cannot exist: any other
/// bucket answers S3's <c>NoSuchBucket</c>, as AWS would (S3DifferentialTests compare that answer with moto's), and
/// the developer is told how to declare the bucket.
/// </summary>
public sealed class S3KnownBucketsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_known_buckets_exist_and_any_other_is_no_such_bucket_with_one_warning_naming_the_setting()
    {
        using var data = new TemporaryDirectory();
        var log = new RecordingLogger();
        await using var host = await S3StandIn.StartAsync(new S3StandInOptions
        {
            DataDirectory = data.Combine("s3"),
            KnownBuckets = ["declared-bucket"],
            Logger = log,
        }, Ct);
        using var s3 = S3TestClients.For(host.Endpoint);

        Assert.Equal(["declared-bucket"], (await s3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "declared-bucket", Key = "k", ContentBody = "v" }, Ct);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
                s3.PutObjectAsync(new PutObjectRequest { BucketName = "undeclared-bucket", Key = "k", ContentBody = "v" }, Ct));
            Assert.Equal(("NoSuchBucket", HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        }

        Assert.Equal(["declared-bucket"], (await s3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("""
            "local_s3_buckets": ["undeclared-bucket"]
            """, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_the_app_creates_exists_from_then_on_and_after_a_restart()
    {
        await using var session = await S3StandInSession.StartAsync();
        using (var s3 = S3TestClients.For(session.Endpoint))
        {
            await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync("made-by-the-app", "k", Ct));
            await s3.PutBucketAsync("made-by-the-app", Ct);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "made-by-the-app", Key = "k", ContentBody = "kept" }, Ct);
        }

        await session.RestartAsync();

        using var afterRestart = S3TestClients.For(session.Endpoint);
        using var response = await afterRestart.GetObjectAsync("made-by-the-app", "k", Ct);
        using var reader = new StreamReader(response.ResponseStream);
        Assert.Equal("kept", await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public void A_known_bucket_with_an_invalid_name_is_refused_at_start()
    {
        using var data = new TemporaryDirectory();

        var error = Assert.Throws<ArgumentException>(() =>
            new S3RequestHandler(new S3StandInOptions { DataDirectory = data.Path, KnownBuckets = ["Not_A_Bucket"] }));

        Assert.StartsWith("'Not_A_Bucket' is not a valid S3 bucket name.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "local_s3_buckets": ["top"] }""", "dev", new[] { "top" })]
    [InlineData("""{ "local_s3_buckets": ["top"], "stages": { "dev": { "local_s3_buckets": ["stage-a", "stage-b", "stage-a"] } } }""", "dev", new[] { "stage-a", "stage-b" })]
    [InlineData("""{ "local_s3_buckets": ["top"], "stages": { "dev": { "local_s3_buckets": [] } } }""", "dev", new string[0])]
    [InlineData("""{ "stages": { "dev": { "local_s3_buckets": ["only-dev"] } } }""", "prod", new string[0])]
    public void Declared_buckets_come_from_the_top_level_or_the_stage_and_the_stage_wins(string config, string stage, string[] expected) =>
        Assert.Equal(expected, LocalS3Buckets.Of(ChaliceConfig.Parse(config).ForStage(stage)));

    [Theory]
    [InlineData("""{ "local_s3_buckets": ["My_Bucket"] }""",
        """.chalice/config.json: "local_s3_buckets" lists "My_Bucket", which is not a valid S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit).""")]
    [InlineData("""{ "local_s3_buckets": "one-bucket" }""",
        ".chalice/config.json: \"local_s3_buckets\" must be a list of strings, not \"one-bucket\"")]
    [InlineData("""{ "local_s3_buckets": [1] }""",
        """.chalice/config.json: "local_s3_buckets" must be a list of strings, not [1]""")]
    public void A_malformed_declaration_is_one_clear_line(string config, string message)
    {
        var error = Assert.Throws<ChaliceConfigException>(() => LocalS3Buckets.Of(ChaliceConfig.Parse(config).ForStage("dev")));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task The_emulator_starts_the_stand_in_with_the_declared_buckets_and_its_banner_names_them()
    {
        var folder = EmulatorHarness.AppFolder("""{ "local_s3_buckets": ["uploads-bucket"] }""");
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder });
        await emulator.LocalAwsReady;

        Assert.Equal(["uploads-bucket"], emulator.S3Buckets);
        Assert.True(File.Exists(Path.Combine(folder, ".chalice", "local", "s3", "uploads-bucket", "bucket.json")));
        Assert.StartsWith("S3 buckets: uploads-bucket (from \"local_s3_buckets\")", LocalEmulator.S3BucketsLine(emulator.S3Buckets), StringComparison.Ordinal);
        Assert.Contains("\"local_s3_buckets\"", LocalEmulator.S3BucketsLine([]), StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
