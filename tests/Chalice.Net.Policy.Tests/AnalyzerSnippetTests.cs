using System.Text.Json.Nodes;

namespace Chalice.Policy.Tests;

/// <summary>How the analyzer proves values and recognises calls, each on a small in-memory app.</summary>
public sealed class AnalyzerSnippetTests(CorpusFixture corpus)
{
    private const string Usings = """
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.SQS;

        """;

    [Fact]
    public void Both_branches_of_a_conditional_are_allowed()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                Task Get(bool archived, string key) => s3.GetObjectAsync(archived ? "archive" : "live", key);
            }
            """);

        Assert.Equal(["arn:aws:s3:::archive/*", "arn:aws:s3:::live/*"], Resources(result, "S3Objects"));
    }

    [Fact]
    public void Every_arm_of_a_switch_expression_is_allowed()
    {
        var result = Analyze("""
            enum Tier { Hot, Cold }
            class C(IAmazonS3 s3)
            {
                Task Delete(Tier tier, string key) =>
                    s3.DeleteObjectAsync(tier switch { Tier.Hot => "hot-data", _ => "cold-data" }, $"items/{key}");
            }
            """);

        Assert.Equal(["arn:aws:s3:::cold-data/items/*", "arn:aws:s3:::hot-data/items/*"], Resources(result, "S3Objects"));
    }

    [Fact]
    public void A_local_also_assigned_an_unknown_value_is_unknown()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                async Task Get(string? overrideBucket)
                {
                    var bucket = "default-bucket";
                    if (overrideBucket is not null)
                        bucket = overrideBucket;
                    await s3.GetObjectAsync(bucket, "k");
                }
            }
            """);

        Assert.Equal(["*"], Resources(result, "S3"));
    }

    [Fact]
    public void A_readonly_field_also_written_by_a_constructor_is_unknown()
    {
        var result = Analyze("""
            class C
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly string _bucket = "default-bucket";
                public C(string bucket) { _bucket = bucket; }
                Task Put() => _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "k" });
            }
            """);

        Assert.Equal(["*"], Resources(result, "S3"));
    }

    [Fact]
    public void A_parameterless_method_returning_a_constant_is_followed_and_a_cycle_is_unknown()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                static string Bucket() { return "method-bucket"; }
                static string Loop1 => Loop2;
                static string Loop2 => Loop1;
                Task A() => s3.PutObjectAsync(new() { BucketName = Bucket(), Key = "k" });
                Task B() => s3.GetObjectAsync(Loop1, "k");
            }
            """);

        Assert.Equal(["arn:aws:s3:::method-bucket/k"], Resources(result, "S3Objects"));
        Assert.Equal(["*"], Resources(result, "S3"));
    }

    [Fact]
    public void Wildcard_characters_in_a_constant_key_are_escaped()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                Task Get() => s3.GetObjectAsync("b", "what?*$");
            }
            """);

        Assert.Equal(["arn:aws:s3:::b/what${?}${*}${$}"], Resources(result, "S3Objects"));
    }

    [Fact]
    public void A_bucket_with_a_constant_start_is_allowed_by_prefix_and_a_formatted_hole_ends_the_known_key()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                Task Put(string stage, int day) =>
                    s3.PutObjectAsync(new() { BucketName = $"logs-{stage}", Key = $"day-{day:D4}.json" });
            }
            """);

        Assert.Equal(["arn:aws:s3:::logs-*/day-*"], Resources(result, "S3Objects"));
    }

    [Fact]
    public void A_queue_name_with_a_constant_start_is_allowed_by_prefix_in_any_region_and_account()
    {
        var result = Analyze("""
            class C(IAmazonSQS sqs)
            {
                Task Find(string stage) => sqs.GetQueueUrlAsync("app-" + stage);
            }
            """);

        Assert.Equal(["arn:aws:sqs:*:*:app-*"], Resources(result, "SqsQueues"));
    }

    [Fact]
    public void A_declared_environment_variable_has_its_configured_value()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                Task Get() => s3.GetObjectAsync(Environment.GetEnvironmentVariable("DATA_BUCKET"), "k");
                Task Region() => s3.GetBucketLocationAsync(Environment.GetEnvironmentVariable("AWS_REGION") ?? "x");
            }
            """, new Dictionary<string, string> { ["DATA_BUCKET"] = "configured" });

        Assert.Equal(["arn:aws:s3:::configured/k"], Resources(result, "S3Objects"));
        Assert.Equal(["*"], Resources(result, "S3")); // AWS_REGION is set by Lambda: unknown
    }

    [Fact]
    public void A_presigned_URL_with_an_unknown_verb_allows_every_verb_and_warns()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                string Link(HttpVerb verb) =>
                    s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Verb = verb, Expires = DateTime.UtcNow });
            }
            """);

        Assert.Equal(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], Actions(result, "S3Objects"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Snippet.cs", 7), (warning.File, warning.Line));
        Assert.Contains("verb is not a constant", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_SDK_helper_without_a_model_is_reported_not_dropped()
    {
        var result = Analyze("""
            class C(Amazon.DynamoDBv2.DataModel.IDynamoDBContext context)
            {
                Task Save(object item) => context.SaveAsync(item);
            }
            """);

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("IDynamoDBContext.SaveAsync: ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_in_top_level_statements_and_request_locals_assigned_later_are_followed()
    {
        var result = Analyze("""
            var s3 = new AmazonS3Client();
            var request = new ListObjectsV2Request();
            request.BucketName = "top-level";
            await s3.ListObjectsV2Async(request);
            """, outputKind: "Exe");

        Assert.Equal(["arn:aws:s3:::top-level"], Resources(result, "S3Buckets"));
    }

    [Fact]
    public void A_method_group_passed_as_a_delegate_is_a_call_with_unknown_arguments()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                static Task<T> Retry<T>(Func<GetObjectRequest, CancellationToken, Task<T>> call, GetObjectRequest request) =>
                    call(request, CancellationToken.None);
                Task Get() => Retry(s3.GetObjectAsync, new GetObjectRequest { BucketName = "b", Key = "k" });
            }
            """);

        Assert.Equal(["s3:GetObject"], Actions(result, "S3"));
        Assert.Equal(["*"], Resources(result, "S3"));
    }

    [Fact]
    public void Reading_or_deleting_a_version_needs_the_version_actions()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                Task Get(string version) => s3.GetObjectAsync("b", "k", version);
                Task Delete(string? version) =>
                    s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = "b", Key = "d", VersionId = version ?? null });
                Task Copy() => s3.CopyObjectAsync(new CopyObjectRequest
                {
                    SourceBucket = "b", SourceKey = "s", SourceVersionId = "v1", DestinationBucket = "b", DestinationKey = "t",
                });
            }
            """);

        var statements = result.Document.Statements.Skip(1)
            .Select(s => string.Join(' ', s["Action"]!.AsArray().Select(a => a!.GetValue<string>())) + " on " +
                         string.Join(' ', s["Resource"]!.AsArray().Select(r => r!.GetValue<string>())));
        // A version that may be null (any parameter) needs both actions; a constant one only the version action.
        Assert.Equal(
            [
                "s3:DeleteObject s3:DeleteObjectVersion on arn:aws:s3:::b/d",
                "s3:GetObject on arn:aws:s3:::b/k",
                "s3:GetObjectVersion on arn:aws:s3:::b/k arn:aws:s3:::b/s",
                "s3:PutObject on arn:aws:s3:::b/t",
            ],
            statements.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_ICoreAmazonS3_conveniences_reached_through_IAmazonS3_are_modelled()
    {
        var result = Analyze("""
            class C(IAmazonS3 s3)
            {
                Task Upload(Stream body) => s3.UploadObjectFromStreamAsync("core-bucket", "data/file", body, null);
                Task Ensure() => s3.EnsureBucketExistsAsync("core-bucket");
            }
            """);

        Assert.Equal(["s3:PutObject"], Actions(result, "S3Objects"));
        Assert.Equal(["arn:aws:s3:::core-bucket/data/file"], Resources(result, "S3Objects"));
        Assert.Equal(["s3:CreateBucket", "s3:ListBucket"], Actions(result, "S3Buckets"));
    }

    private PolicyAnalysisResult Analyze(string source, IReadOnlyDictionary<string, string>? environment = null, string outputKind = "Library")
    {
        var directory = Directory.CreateTempSubdirectory("chalice-policy-snippet-");
        try
        {
            var file = Path.Combine(directory.FullName, "Snippet.cs");
            File.WriteAllText(file, Usings + source);
            var app = corpus.CompileFiles(Path.Combine(directory.FullName, "Snippet.csproj"), [file], outputKind == "Exe");
            var errors = app.Root.GetDiagnostics(TestContext.Current.CancellationToken)
                .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            Assert.Empty(errors);
            return PolicyAnalyzer.Analyze(app, environment, TestContext.Current.CancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static JsonObject Statement(PolicyAnalysisResult result, string sid) =>
        Assert.Single(result.Document.Statements, s => s["Sid"]?.GetValue<string>() == sid);

    private static string[] Resources(PolicyAnalysisResult result, string sid) =>
        Statement(result, sid)["Resource"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

    private static string[] Actions(PolicyAnalysisResult result, string sid) =>
        Statement(result, sid)["Action"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();
}
