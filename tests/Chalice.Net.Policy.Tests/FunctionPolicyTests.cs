using System.Text.Json.Nodes;

namespace Chalice.Policy.Tests;

/// <summary>
/// Each function's policy covers the calls reachable from its handlers, on small in-memory apps. The snippets declare
/// the Chalice attributes they use themselves (the corpus references do not include Chalice.Net); the analysis knows
/// them by name and namespace, as it knows the real ones.
/// </summary>
public sealed class FunctionPolicyTests(CorpusFixture corpus)
{
    private const string Prelude = """
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.SQS;
        using Amazon.SQS.Model;

        namespace Chalice
        {
            public sealed class ChaliceAppAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            public abstract class FunctionAttribute : System.Attribute { public string? Name { get; set; } }
            public sealed class RouteAttribute(string path) : System.Attribute { public string Path { get; } = path; }
            public sealed class OnSqsMessageAttribute(string queue) : FunctionAttribute { public string Queue { get; } = queue; }
            public sealed class ScheduleAttribute(string expression) : FunctionAttribute { public string Expression { get; } = expression; }
            public sealed class LambdaFunctionAttribute : FunctionAttribute { }
            public sealed class MiddlewareAttribute(string eventType = "all") : System.Attribute { public string EventType { get; } = eventType; }
            public sealed class BlueprintAttribute : System.Attribute { }
            public sealed class RegisterBlueprintAttribute(System.Type blueprint) : System.Attribute
            {
                public System.Type Blueprint { get; } = blueprint;
                public string? NamePrefix { get; set; }
            }
        }

        """;

    // The acceptance point of issue 16: two functions that call different services get two different minimal policies.
    [Fact]
    public void Two_functions_calling_different_services_get_their_own_minimal_policies()
    {
        var policies = Analyze("""
            [Chalice.ChaliceApp("app")]
            public partial class App(IAmazonS3 s3, IAmazonSQS sqs)
            {
                [Chalice.Route("/report")]
                public Task Report() => s3.GetObjectAsync("reports", "latest.json");

                [Chalice.OnSqsMessage("orders", Name = "process")]
                public Task Process(string body) => sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/shipped", body);
            }
            """);

        Assert.Equal(["api_handler", "process"], policies.Keys);
        Assert.Equal(["CloudWatchLogs", "S3Objects"], Sids(policies["api_handler"]));
        Assert.Equal(["CloudWatchLogs", "SqsQueues"], Sids(policies["process"]));
        Assert.Equal(["sqs:SendMessage"], Actions(policies["process"], "SqsQueues"));
    }

    [Fact]
    public void Calls_through_helpers_and_properties_are_followed_and_code_no_handler_reaches_is_left_out()
    {
        var policies = Analyze("""
            [Chalice.ChaliceApp("app")]
            public partial class App
            {
                [Chalice.Schedule("rate(1 hour)")]
                public Task Archive() => new Archiver().Run();

                [Chalice.Route("/")]
                public string Index() => "ok";

                public Task NobodyCallsThis(IAmazonS3 s3) => s3.DeleteBucketAsync("precious");
            }

            public sealed class Archiver
            {
                private IAmazonS3 Client => new AmazonS3Client();
                public Task Run() => Store("archive/today");
                private Task Store(string key) => Client.PutObjectAsync(new PutObjectRequest { BucketName = "archive-bucket", Key = key });
            }
            """);

        Assert.Equal(["CloudWatchLogs"], Sids(policies["api_handler"]));
        Assert.Equal(["s3:PutObject"], Actions(policies["Archive"], "S3Objects"));
        Assert.DoesNotContain(policies.Values, p => p.Json.Contains("s3:DeleteBucket", StringComparison.Ordinal));
    }

    // Which implementation a call through an interface runs is known only at run time: every one in the app counts.
    [Fact]
    public void An_interface_call_reaches_every_implementation_in_the_app_and_only_for_the_functions_that_call_it()
    {
        var policies = Analyze("""
            public interface IStore { Task Save(string key); }
            public sealed class S3Store(IAmazonS3 s3) : IStore { public Task Save(string key) => s3.PutObjectAsync(new PutObjectRequest { BucketName = "s3-store", Key = key }); }
            public sealed class QueueStore(IAmazonSQS sqs) : IStore { public Task Save(string key) => sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/store-queue", key); }

            [Chalice.ChaliceApp("app")]
            public partial class App(IStore store, IAmazonS3 s3)
            {
                [Chalice.LambdaFunction]
                public Task Save(string key) => store.Save(key);

                [Chalice.LambdaFunction]
                public Task Peek(string key) => s3.GetObjectMetadataAsync("peek-bucket", key);
            }
            """);

        Assert.Equal(["CloudWatchLogs", "S3Objects", "SqsQueues"], Sids(policies["Save"]));
        Assert.Equal(["arn:aws:s3:::s3-store/*"], Resources(policies["Save"], "S3Objects"));
        Assert.Equal(["CloudWatchLogs", "S3Objects"], Sids(policies["Peek"]));
        Assert.Equal(["arn:aws:s3:::peek-bucket/*"], Resources(policies["Peek"], "S3Objects"));
    }

    [Fact]
    public void A_service_registered_in_ConfigureServices_is_built_for_every_function()
    {
        var policies = Analyze("""
            public sealed class Warmup
            {
                public Warmup() => new AmazonS3Client().GetBucketLocationAsync("warm-bucket").Wait();
            }

            [Chalice.ChaliceApp("app")]
            public partial class App
            {
                public static void ConfigureServices(System.Collections.Generic.List<object> services) => services.Add(new Warmup());

                [Chalice.LambdaFunction]
                public int Answer() => 42;
            }
            """);

        Assert.Equal(["s3:GetBucketLocation"], Actions(policies["Answer"], "S3Buckets"));
        Assert.Equal(["s3:GetBucketLocation"], Actions(policies["api_handler"], "S3Buckets"));
    }

    [Fact]
    public void Middleware_counts_for_the_functions_of_its_kind()
    {
        var policies = Analyze("""
            [Chalice.ChaliceApp("app")]
            public partial class App(IAmazonS3 s3, IAmazonSQS sqs)
            {
                [Chalice.Middleware("http")]
                public Task Audit() => s3.PutObjectAsync(new PutObjectRequest { BucketName = "audit", Key = "request" });

                [Chalice.Middleware]
                public Task Count() => sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/counts", "1");

                [Chalice.Route("/")]
                public string Index() => "ok";

                [Chalice.OnSqsMessage("work")]
                public void Work(string body) { }
            }
            """);

        Assert.Equal(["CloudWatchLogs", "S3Objects", "SqsQueues"], Sids(policies["api_handler"]));
        Assert.Equal(["CloudWatchLogs", "SqsQueues"], Sids(policies["Work"]));
    }

    [Fact]
    public void A_blueprints_functions_are_named_with_its_prefix()
    {
        var policies = Analyze("""
            [Chalice.Blueprint]
            public sealed class Reports(IAmazonS3 s3)
            {
                [Chalice.LambdaFunction(Name = "build")]
                public Task Build() => s3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "r" });
            }

            [Chalice.ChaliceApp("app")]
            [Chalice.RegisterBlueprint(typeof(Reports), NamePrefix = "reports_")]
            public partial class App
            {
                [Chalice.Route("/")]
                public string Index() => "ok";
            }
            """);

        Assert.Equal(["api_handler", "reports_build"], policies.Keys);
        Assert.Equal(["s3:PutObject"], Actions(policies["reports_build"], "S3Objects"));
    }

    [Fact]
    public void Each_function_reads_its_own_environment()
    {
        var policies = Analyze("""
            [Chalice.ChaliceApp("app")]
            public partial class App(IAmazonS3 s3)
            {
                [Chalice.LambdaFunction]
                public Task One() => s3.GetObjectAsync(System.Environment.GetEnvironmentVariable("BUCKET"), "k");

                [Chalice.LambdaFunction]
                public Task Two() => s3.GetObjectAsync(System.Environment.GetEnvironmentVariable("BUCKET"), "k");
            }
            """, function => new Dictionary<string, string> { ["BUCKET"] = function == "One" ? "first" : "second" });

        Assert.Equal(["arn:aws:s3:::first/k"], Resources(policies["One"], "S3Objects"));
        Assert.Equal(["arn:aws:s3:::second/k"], Resources(policies["Two"], "S3Objects"));
    }

    // Without a [ChaliceApp] class nothing says where functions start: the one function gets every call of the app.
    [Fact]
    public void Without_an_app_class_the_API_function_gets_the_whole_apps_policy()
    {
        var policies = Analyze("""
            public sealed class Anything(IAmazonS3 s3)
            {
                public Task Unused() => s3.DeleteObjectAsync("bucket", "key");
            }
            """);

        Assert.Equal(["api_handler"], policies.Keys);
        Assert.Equal(["s3:DeleteObject"], Actions(policies["api_handler"], "S3Objects"));
    }

    private IReadOnlyDictionary<string, PolicyAnalysisResult> Analyze(string source, Func<string, IReadOnlyDictionary<string, string>>? environment = null)
    {
        var directory = Directory.CreateTempSubdirectory("chalice-policy-functions-");
        try
        {
            var file = Path.Combine(directory.FullName, "App.cs");
            File.WriteAllText(file, Prelude + source);
            var app = corpus.CompileFiles(Path.Combine(directory.FullName, "App.csproj"), [file]);
            var errors = app.Root.GetDiagnostics(TestContext.Current.CancellationToken)
                .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            Assert.Empty(errors);
            return PolicyAnalyzer.AnalyzeFunctions(app, environment ?? (_ => new Dictionary<string, string>()), TestContext.Current.CancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string[] Sids(PolicyAnalysisResult result) =>
        result.Document.Statements.Select(s => s["Sid"]!.GetValue<string>()).ToArray();

    private static JsonObject Statement(PolicyAnalysisResult result, string sid) =>
        Assert.Single(result.Document.Statements, s => s["Sid"]?.GetValue<string>() == sid);

    private static string[] Resources(PolicyAnalysisResult result, string sid) =>
        Statement(result, sid)["Resource"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

    private static string[] Actions(PolicyAnalysisResult result, string sid) =>
        Statement(result, sid)["Action"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();
}
