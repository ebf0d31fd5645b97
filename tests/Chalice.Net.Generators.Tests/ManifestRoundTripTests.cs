extern alias Deploy;

using System.Text.Json;
using System.Text.Json.Nodes;
using Deploy::Chalice.Deploy.Manifest;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Tests;

/// <summary>
/// The manifest the generator writes is what the deployer's reader reads: every field of a compiled app, and the
/// JSON written back from what was read equal to the JSON the generator wrote (so a field one side forgets fails).
/// </summary>
public sealed class ManifestRoundTripTests : IDisposable
{
    private readonly DirectoryInfo _builds = Directory.CreateTempSubdirectory("chalice-manifest-");

    public void Dispose() => _builds.Delete(recursive: true);

    private const string EveryField = """
        using Chalice;
        namespace Shop;

        [ChaliceApp("shop")]
        public partial class App
        {
            [Route("/items/{id}", "GET", "PUT", Name = "item", ContentTypes = ["application/json", "text/plain"], ApiKeyRequired = true, Authorizer = "cognito")]
            [Cors(AllowOrigin = "https://example.com", AllowHeaders = ["X-Custom"], ExposeHeaders = ["X-Out"], MaxAge = 600, AllowCredentials = true)]
            public string Item(string id) => id;

            [Route("/open", "POST", Cors = true)]
            public string Open() => "";

            [Route("/")]
            public string Index() => "";
        }
        """;

    /// <summary>How the manifest's JSON is read and written on the deployer's side.</summary>
    private static readonly JsonSerializerOptions s_deployerJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [Fact]
    public void The_deployer_reads_every_field_the_generator_wrote()
    {
        var manifest = AppManifest.Read(EmitToFile(GeneratorHarness.Compile(EveryField)));

        Assert.Equal(AppManifest.CurrentSchemaVersion, manifest.SchemaVersion);
        Assert.Equal("shop", manifest.Name);
        var function = Assert.IsType<ApiFunctionManifest>(Assert.Single(manifest.Functions));
        Assert.Equal("api_handler", function.Name);
        Assert.Equal(["/items/{id}", "/open", "/"], manifest.Routes.Select(r => r.Path));

        var item = manifest.Routes[0];
        Assert.Equal(["GET", "PUT"], item.Methods);
        Assert.Equal("Item", item.Handler);
        Assert.Equal("item", item.Name);
        Assert.Equal(["application/json", "text/plain"], item.ContentTypes);
        Assert.True(item.ApiKeyRequired);
        Assert.Equal("cognito", item.Authorizer);
        var cors = item.Cors!;
        Assert.Equal("https://example.com", cors.AllowOrigin);
        Assert.Equal(["X-Custom"], cors.AllowHeaders);
        Assert.Equal(["X-Out"], cors.ExposeHeaders);
        Assert.Equal(600, cors.MaxAge);
        Assert.True(cors.AllowCredentials);

        var open = manifest.Routes[1];
        Assert.Equal("Open", open.Name);
        Assert.Equal("*", open.Cors!.AllowOrigin);
        Assert.Empty(open.Cors.AllowHeaders);
        Assert.Empty(open.Cors.ExposeHeaders);
        Assert.Null(open.Cors.MaxAge);
        Assert.False(open.Cors.AllowCredentials);

        var index = manifest.Routes[2];
        Assert.Equal(["GET"], index.Methods);
        Assert.Equal(["application/json"], index.ContentTypes);
        Assert.Null(index.Cors);
        Assert.False(index.ApiKeyRequired);
        Assert.Null(index.Authorizer);
    }

    [Fact]
    public void The_deployer_reads_every_kind_of_function_with_its_source_settings()
    {
        var manifest = AppManifest.Read(EmitToFile(GeneratorHarness.CompileTestApp("EventsApp")));

        Assert.Equal("eventsapp", manifest.Name);
        Assert.Equal(
            ["api_handler", "every_five_minutes", "Nightly", "Resize", "ProcessOrders", "alert", "InstanceStopped", "Clicks", "OrderChanges", "add", "Describe", "settings", "Explode"],
            manifest.Functions.Select(f => f.Name));
        Assert.IsType<ApiFunctionManifest>(manifest.Functions[0]);
        Assert.Equal(new ScheduleFunctionManifest("every_five_minutes", "EveryFiveMinutes", "rate(5 minutes)", "Counts what is waiting"), manifest.Functions[1]);
        Assert.Equal(new ScheduleFunctionManifest("Nightly", "Nightly", "cron(0 3 * * ? *)", null), manifest.Functions[2]);
        var s3 = Assert.IsType<S3FunctionManifest>(manifest.Functions[3]);
        Assert.Equal(("Resize", "Resize", "uploads", "photos/", ".jpg"), (s3.Name, s3.Handler, s3.Bucket, s3.Prefix, s3.Suffix));
        Assert.Equal(["s3:ObjectCreated:*"], s3.Events);
        Assert.Equal(new SqsFunctionManifest("ProcessOrders", "ProcessOrders", "orders", null, 10, 1, null, ReportsBatchItemFailures: true), manifest.Functions[4]);
        Assert.Equal(new SnsFunctionManifest("alert", "Alert", "alerts"), manifest.Functions[5]);
        var pattern = Assert.IsType<CloudWatchEventFunctionManifest>(manifest.Functions[6]).EventPattern;
        Assert.Equal("aws.ec2", JsonNode.Parse(pattern)!["source"]![0]!.GetValue<string>());
        Assert.Equal(new KinesisFunctionManifest("Clicks", "Clicks", "clicks", 500, "TRIM_HORIZON", 0, ReportsBatchItemFailures: true), manifest.Functions[7]);
        Assert.Equal(
            new DynamoDBFunctionManifest("OrderChanges", "OrderChanges", "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000",
                100, "LATEST", 0, ReportsBatchItemFailures: true),
            manifest.Functions[8]);
        Assert.Equal(new PureFunctionManifest("add", "Add"), manifest.Functions[9]);
    }

    [Fact]
    public void The_deployer_reads_authorizers_as_functions_with_their_type_identity_sources_TTL_and_answer_form()
    {
        var manifest = AppManifest.Read(EmitToFile(GeneratorHarness.CompileTestApp("AuthApp")));

        Assert.Equal(["api_handler", "Tokens", "ByTenant", "Keys"], manifest.Functions.Select(f => f.Name));
        var tokens = Assert.IsType<AuthorizerFunctionManifest>(manifest.Functions[1]);
        Assert.Equal(("Tokens", "Tokens", "TOKEN", 300, false), (tokens.Name, tokens.Handler, tokens.Type, tokens.TtlSeconds, tokens.SimpleResponses));
        Assert.Equal(["method.request.header.Authorization"], tokens.IdentitySources);
        var tenants = Assert.IsType<AuthorizerFunctionManifest>(manifest.Functions[2]);
        Assert.Equal(("ByTenant", "Tenants", "REQUEST", 0), (tenants.Name, tenants.Handler, tenants.Type, tenants.TtlSeconds));
        Assert.Equal(["method.request.header.X-Key", "method.request.querystring.tenant"], tenants.IdentitySources);
        // A SimpleAuthResponse method answers in HTTP APIs' simple form.
        var keys = Assert.IsType<AuthorizerFunctionManifest>(manifest.Functions[3]);
        Assert.Equal(("TOKEN", true), (keys.Type, keys.SimpleResponses));
        Assert.Equal(["method.request.header.X-Key"], keys.IdentitySources);
        Assert.Equal("Tokens", manifest.Routes.Single(r => r.Path == "/orders").Authorizer);
    }

    [Fact]
    public void The_deployer_reads_the_declared_authorizers_of_every_kind()
    {
        var manifest = AppManifest.Read(EmitToFile(GeneratorHarness.CompileTestApp("AuthApp")));

        Assert.Equal(4, manifest.Authorizers.Count);
        var cognito = Assert.IsType<CognitoUserPoolAuthorizerManifest>(manifest.Authorizers[0]);
        Assert.Equal(("users", "Authorization"), (cognito.Name, cognito.Header));
        Assert.Equal(["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"], cognito.ProviderArns);
        Assert.Equal(new IamAuthorizerManifest("iam"), manifest.Authorizers[1]);
        var custom = Assert.IsType<CustomAuthorizerManifest>(manifest.Authorizers[2]);
        Assert.Equal(("partner", "arn:aws:lambda:us-east-1:123456789012:function:partner-auth", "TOKEN", 60),
            (custom.Name, custom.AuthorizerUri, custom.Type, custom.TtlSeconds));
        Assert.Equal(["method.request.header.Authorization"], custom.IdentitySources);
        var jwt = Assert.IsType<JwtAuthorizerManifest>(manifest.Authorizers[3]);
        Assert.Equal(("jwt", "https://issuer.example.com/", "Authorization"), (jwt.Name, jwt.Issuer, jwt.Header));
        Assert.Equal(["orders-api"], jwt.Audiences);
        Assert.Equal("users", manifest.Routes.Single(r => r.Path == "/profile").Authorizer);
    }

    [Fact]
    public void An_SQS_handler_that_returns_nothing_does_not_ask_for_batch_item_failures()
    {
        var manifest = AppManifest.Read(EmitToFile(GeneratorHarness.Compile("""
            using Chalice;
            using Chalice.Events;
            [ChaliceApp("q")]
            public partial class App
            {
                [OnSqsMessage(QueueArn = "arn:aws:sqs:eu-west-1:123456789012:jobs", MaximumConcurrency = 4)]
                public void Jobs(SqsEvent batch) { }
            }
            """)));

        Assert.Equal(
            new SqsFunctionManifest("Jobs", "Jobs", null, "arn:aws:sqs:eu-west-1:123456789012:jobs", 1, 0, 4, ReportsBatchItemFailures: false),
            manifest.Functions[1]);
    }

    [Theory]
    [InlineData("every field")]
    [InlineData("TestApp")]
    [InlineData("EventsApp")]
    [InlineData("AuthApp")]
    public void What_the_deployer_reads_writes_back_as_the_generators_JSON(string app)
    {
        var compilation = app == "every field" ? GeneratorHarness.Compile(EveryField) : GeneratorHarness.CompileTestApp(app);
        var (output, errors, _) = GeneratorHarness.Generate(compilation);
        Assert.Empty(errors);
        var written = JsonNode.Parse(ManifestJson(output))!;

        var read = AppManifest.Read(EmitToFile(compilation));
        var writtenBack = JsonSerializer.SerializeToNode(read, s_deployerJson)!;

        Assert.True(JsonNode.DeepEquals(written, writtenBack),
            $"generator wrote:\n{written.ToJsonString()}\ndeployer read back:\n{writtenBack.ToJsonString()}");
    }

    [Fact]
    public void A_manifest_of_a_newer_schema_is_refused_with_one_clear_line()
    {
        var (output, _, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(EveryField));
        var newer = JsonNode.Parse(ManifestJson(output))!;
        newer["schemaVersion"] = AppManifest.CurrentSchemaVersion + 1;
        var path = EmitToFile(GeneratorHarness.Compile(
            $"[assembly: Chalice.ChaliceManifest({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(newer.ToJsonString(), quote: true)})]"));

        var error = Assert.Throws<InvalidDataException>(() => AppManifest.Read(path));
        Assert.Equal(
            $"{path} was built with a newer Chalice.Net (app manifest schema {AppManifest.CurrentSchemaVersion + 1}; this tool reads up to "
            + $"{AppManifest.CurrentSchemaVersion}): update the chalice-net tool.", error.Message);
    }

    private static string ManifestJson(Compilation output) =>
        (string)output.Assembly.GetAttributes().Single(a => a.AttributeClass!.Name == "ChaliceManifestAttribute").ConstructorArguments[0].Value!;

    /// <summary>Builds the app (generator included) into a file the deployer reads, as it reads a real build.</summary>
    private string EmitToFile(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var (output, errors, _) = GeneratorHarness.Generate(compilation);
        Assert.Empty(errors);
        var path = Path.Combine(_builds.FullName, $"App{_builds.GetFiles().Length}.dll");
        var result = output.Emit(path);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return path;
    }
}
