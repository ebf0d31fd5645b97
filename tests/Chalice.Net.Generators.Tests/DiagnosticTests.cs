using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Chalice.Generators.Tests;

/// <summary>Each diagnostic: a source that triggers it, with the expected location marked <c>[|like this|]</c>.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Chalice;
        using Chalice.Events;
        using Microsoft.Extensions.DependencyInjection;

        """;

    public static TheoryData<string, string> Cases => new()
    {
        {
            "CHALICE001", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/a")] public string One() => "1";
                [[|Route("/a", "GET")|]] public string Two() => "2";
            }
            """
        },
        {
            "CHALICE002", """
            [ChaliceApp("a")] public partial class App
            {
                [Route([|"/users/{id}"|])] public string Get() => "";
            }
            """
        },
        {
            "CHALICE003", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/users")] public string Get(int [|page|]) => "";
            }
            """
        },
        {
            "CHALICE004", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/users")] public string Get([FromQuery] [|List<int>|] ids) => "";
            }
            """
        },
        {
            "CHALICE005", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/users")] public [|IAsyncEnumerable<int>|] Get() => throw null!;
            }
            """
        },
        {
            "CHALICE005", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/users")] public [|System.Net.Http.HttpResponseMessage|] Get() => new();
            }
            """
        },
        {
            "CHALICE006", """
            [ChaliceApp("a")] public class [|App|]
            {
                [Route("/")] public string Get() => "";
            }
            """
        },
        {
            "CHALICE007", """
            [ChaliceApp("a")] public partial class App
            {
                [Route([|"/users/"|])] public string Get() => "";
            }
            """
        },
        {
            // No CHALICE003 for 'id' as well: the parameter is meant for the invalid path.
            "CHALICE007", """
            [ChaliceApp("a")] public partial class App
            {
                [Route([|"/users/{id}/"|])] public string Get(int id) => "";
            }
            """
        },
        {
            "CHALICE008", """
            [ChaliceApp("a")] public partial class App { [Route("/")] public string Get() => ""; }
            [ChaliceApp("b")] public partial class [|Other|] { [Route("/")] public string Get() => ""; }
            """
        },
        {
            "CHALICE009", """
            public sealed class Order { public int Id { get; set; } }
            [ChaliceApp("a")] public partial class App
            {
                [Route("/orders")] public [|Order|] Get() => new();
            }
            """
        },
        {
            // A Response body whose exact type the compiler knows.
            "CHALICE009", """
            public class Order { public int Id { get; set; } }
            [ChaliceApp("a")] public partial class App
            {
                [Route("/orders")] public Response Get() => new([|new Order()|], 201);
            }
            """
        },
        {
            "CHALICE009", """
            public sealed class Order { public int Id { get; set; } }
            [ChaliceApp("a")] public partial class App
            {
                private static readonly Order s_last = new();
                [Route("/orders/last")] public Response Last() => new() { Body = [|s_last|] };
            }
            """
        },
        {
            "CHALICE009", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/orders")] public Response Get() => new([|new { ok = true }|]);
            }
            """
        },
        {
            "CHALICE010", """
            public class NotAnApp
            {
                [[|Route("/")|]] public string Get() => "";
            }
            """
        },
        {
            "CHALICE011", """
            [ChaliceApp("a")] public partial class [|App|]
            {
                public App() { }
                public App(IServiceProvider services) { }
                [Route("/")] public string Get() => "";
            }
            """
        },
        {
            "CHALICE012", """
            [ChaliceApp("a")] public partial class App
            {
                public void [|ConfigureServices|](IServiceCollection services) { }
                [Route("/")] public string Get() => "";
            }
            """
        },
        {
            "CHALICE013", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/", "GET", [|"FETCH"|])] public string Get() => "";
            }
            """
        },
        {
            "CHALICE013", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/", [|"GET,POST"|])] public string Get() => "";
            }
            """
        },
        {
            "CHALICE014", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/")] public string [|Get|]<T>() => "";
            }
            """
        },
        {
            // No ConfigureServices at all: nothing registers the app's own interface.
            "CHALICE015", """
            public interface IGreeter { string Greet(string name); }
            public sealed class Greeter : IGreeter { public string Greet(string name) => "hi " + name; }
            [ChaliceApp("a")] public partial class App([|IGreeter|] greeter)
            {
                [Route("/")] public string Get() => greeter.Greet("you");
            }
            """
        },
        {
            "CHALICE015", """
            public interface IGreeter { string Greet(string name); }
            public interface IClock { DateTime Now { get; } }
            public sealed class Greeter : IGreeter { public string Greet(string name) => "hi " + name; }
            [ChaliceApp("a")] public partial class App(IGreeter greeter)
            {
                public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IGreeter, Greeter>();
                [Route("/")] public string Get([FromServices] [|IClock|] clock) => greeter.Greet("you");
            }
            """
        },
        {
            "CHALICE016", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/books")] public string Get([FromHeader] string? [|xAuthor|]) => xAuthor ?? "";
            }
            """
        },
        {
            // Chalice refuses CORS together with an explicit OPTIONS on the same path (chalice/deploy/validate.py,
            // _validate_cors_for_route: https://github.com/aws/chalice/blob/master/chalice/deploy/validate.py).
            "CHALICE017", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/books", "GET", Cors = true)] public string Get() => "";
                [Route("/books", [|"OPTIONS"|])] public string Options() => "";
            }
            """
        },
        {
            "CHALICE017", """
            [ChaliceApp("a")] [Cors(AllowOrigin = "https://example.com")] public partial class App
            {
                [Route("/books", "GET", [|"options"|])] public string Get() => "";
            }
            """
        },
        {
            // EventBridge: "If the value is equal to 1, then the unit must be singular"
            // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html).
            "CHALICE018", """
            [ChaliceApp("a")] public partial class App
            {
                [Schedule([|"rate(1 minutes)"|])] public void Tick() { }
            }
            """
        },
        {
            // "You can't specify the Day-of-month and Day-of-week fields in the same cron expression"
            // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
            "CHALICE018", """
            [ChaliceApp("a")] public partial class App
            {
                [Schedule([|"cron(0 12 * * MON *)"|], Name = "weekly")] public void Tick() { }
            }
            """
        },
        {
            "CHALICE019", """
            [ChaliceApp("a")] public partial class App
            {
                [OnCloudWatchEvent([|"[\"aws.ec2\"]"|])] public void Changed(EventBridgeEvent e) { }
            }
            """
        },
        {
            // EventBridge: "Event pattern is not valid. Reason: "source" must be an object or an array".
            "CHALICE019", """
            [ChaliceApp("a")] public partial class App
            {
                [OnCloudWatchEvent([|"{\"source\": \"aws.ec2\"}"|])] public void Changed(EventBridgeEvent e) { }
            }
            """
        },
        {
            "CHALICE020", """
            [ChaliceApp("a")] public partial class App
            {
                [OnSnsMessage("alerts", Name = "notify")] public void First(SnsEvent e) { }
                [OnSnsMessage("alarms", [|Name = "notify"|])] public void Second(SnsEvent e) { }
            }
            """
        },
        {
            "CHALICE020", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/")] public string Index() => "";
                [LambdaFunction([|Name = "api_handler"|])] public static int Two() => 2;
            }
            """
        },
        {
            // Lambda: "If you specify only the function name, it is limited to 64 characters in length" (lambda API
            // model, CreateFunction); "averyverylongappname-dev-" takes 25 of them.
            "CHALICE021", """
            [ChaliceApp("averyverylongappname")] public partial class App
            {
                [[|LambdaFunction|]] public static int ComputeTheQuarterlyRevenueForecastAcrossRegions() => 1;
            }
            """
        },
        {
            "CHALICE021", """
            [ChaliceApp("a")] public partial class App
            {
                [LambdaFunction([|Name = "nightly report"|])] public static int Report() => 1;
            }
            """
        },
        {
            "CHALICE022", """
            [ChaliceApp("a")] public partial class App
            {
                [OnS3Event("uploads")] public void Resize([|SqsEvent|] e) { }
            }
            """
        },
        {
            "CHALICE022", """
            [ChaliceApp("a")] public partial class App
            {
                [OnSqsMessage("orders")] public void Process(SqsEvent e, [FromQuery] [|string|] page) { }
            }
            """
        },
        {
            "CHALICE022", """
            [ChaliceApp("a")] public partial class App
            {
                [LambdaFunction] public static int Add(int a, [|int|] b) => a + b;
            }
            """
        },
        {
            // Declared authorizers count as declared: only the misspelt name is reported.
            "CHALICE026", """
            [CognitoUserPoolAuthorizer("users", ProviderArns = new[] { "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123" })]
            [IamAuthorizer]
            [ChaliceApp("a")] public partial class App
            {
                [Route("/me", Authorizer = "users")] public string Me() => "";
                [Route("/signed", Authorizer = "iam")] public string Signed() => "";
                [Route("/other", [|Authorizer = "user"|])] public string Other() => "";
            }
            """
        },
        {
            // CreateAuthorizer needs providerARNs for COGNITO_USER_POOLS (shared/fixtures/aws-models/apigateway).
            "CHALICE027", """
            [[|CognitoUserPoolAuthorizer("users")|]]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "users")] public string Me() => ""; }
            """
        },
        {
            "CHALICE027", """
            [CognitoUserPoolAuthorizer("users", [|ProviderArns = new[] { "us-east-1_AbCdEf123" }|])]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "users")] public string Me() => ""; }
            """
        },
        {
            // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html: an issuer is required.
            "CHALICE027", """
            [[|JwtAuthorizer("jwt", Audiences = new[] { "api" })|]]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "jwt")] public string Me() => ""; }
            """
        },
        {
            "CHALICE027", """
            [JwtAuthorizer("jwt", [|Issuer = "http://issuer.example.com"|], Audiences = new[] { "api" })]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "jwt")] public string Me() => ""; }
            """
        },
        {
            // A token's aud must match one of the audiences (http-api-troubleshooting-jwt.html): none accepts nothing.
            "CHALICE027", """
            [[|JwtAuthorizer("jwt", Issuer = "https://issuer.example.com")|]]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "jwt")] public string Me() => ""; }
            """
        },
        {
            "CHALICE027", """
            [CustomAuthorizer("partner", [|"partner-auth"|])]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "partner")] public string Me() => ""; }
            """
        },
        {
            "CHALICE025", """
            [CustomAuthorizer("partner", "arn:aws:lambda:us-east-1:123456789012:function:partner-auth", [|TtlSeconds = 7200|])]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "partner")] public string Me() => ""; }
            """
        },
        {
            "CHALICE028", """
            [IamAuthorizer("auth")]
            [CustomAuthorizer([|"auth"|], "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations")]
            [ChaliceApp("a")] public partial class App { [Route("/me", Authorizer = "auth")] public string Me() => ""; }
            """
        },
        {
            // An [Authorizer] method takes the name first, wherever it is declared.
            "CHALICE028", """
            [IamAuthorizer([|"Tokens"|])]
            [ChaliceApp("a")] public partial class App
            {
                [Route("/me", Authorizer = "Tokens")] public string Me() => "";
                [Authorizer] public static AuthResponse Tokens(AuthRequest request) => AuthResponse.Unauthorized;
            }
            """
        },
        {
            "CHALICE023", """
            [ChaliceApp("a")] public partial class App
            {
                [OnS3Event("uploads")] public [|string|] Resize(S3Event e) => "";
            }
            """
        },
        {
            "CHALICE023", """
            [ChaliceApp("a")] public partial class App
            {
                [OnSnsMessage("alerts")] public [|Task<BatchResponse>|] Alert(SnsEvent e) => Task.FromResult(new BatchResponse());
            }
            """
        },
        {
            "CHALICE024", """
            public class NotAnApp
            {
                [[|OnSqsMessage("orders")|]] public void Process(SqsEvent e) { }
            }
            """
        },
        {
            // Lambda: "when you set BatchSize to a value greater than 10, you must set MaximumBatchingWindowInSeconds to
            // at least 1" (lambda API model, CreateEventSourceMapping).
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [OnSqsMessage("orders", [|BatchSize = 20|])] public void Process(SqsEvent e) { }
            }
            """
        },
        {
            // Chalice: "Must provide either `queue` or `queue_arn` to the `on_sqs_message` decorator." (chalice/app.py).
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [[|OnSqsMessage|]] public void Process(SqsEvent e) { }
            }
            """
        },
        {
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [OnDynamoDBRecord([|"orders"|])] public void Changed(DynamoDBEvent e) { }
            }
            """
        },
        {
            // The BatchSize shape of the lambda API model: 1 to 10,000.
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [OnKinesisRecord("clicks", [|BatchSize = 0|])] public void Clicks(KinesisEvent e) { }
            }
            """
        },
        {
            "CHALICE014", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/")] [[|OnSnsMessage("alerts")|]] public void Both() { }
            }
            """
        },
        {
            // A route naming an authorizer the app does not declare (declared ones may come after the route).
            "CHALICE026", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/orders", [|Authorizer = "Tokns"|])] public string Orders() => "";
                [Route("/admin", Authorizer = "Tokens")] public string Admin() => "";
                [Authorizer] public static AuthResponse Tokens(AuthRequest request) => AuthResponse.Unauthorized;
            }
            """
        },
        {
            "CHALICE023", """
            [ChaliceApp("a")] public partial class App
            {
                [Authorizer] public static [|bool|] Tokens(AuthRequest request) => true;
            }
            """
        },
        {
            "CHALICE022", """
            [ChaliceApp("a")] public partial class App
            {
                [Authorizer] public static AuthResponse Tokens([|SqsEvent|] request) => AuthResponse.Unauthorized;
            }
            """
        },
        {
            // authorizerResultTtlInSeconds: at most 3600 (API Gateway's CreateAuthorizer, shared/fixtures/aws-models/apigateway).
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [Authorizer([|TtlSeconds = 3601|])] public static AuthResponse Tokens(AuthRequest request) => AuthResponse.Unauthorized;
            }
            """
        },
        {
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [Authorizer([|IdentitySources = new[] { "header.X-Key" }|])] public static AuthResponse Keys(AuthRequest request) => AuthResponse.Unauthorized;
            }
            """
        },
        {
            "CHALICE025", """
            [ChaliceApp("a")] public partial class App
            {
                [Authorizer([|Header = "X-Key"|], IdentitySources = new[] { "method.request.header.X-Key" })] public static AuthResponse Keys(AuthRequest request) => AuthResponse.Unauthorized;
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Diagnostic_is_reported_at_the_marked_location(string id, string markedSource)
    {
        var (source, expected) = Unmark(Usings + markedSource);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.SourceSpan);
        Assert.Equal("App.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    [Fact]
    public async Task A_valid_app_has_no_diagnostics()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(Usings + SampleApps.Valid);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Generated_code_for_an_app_with_mistakes_still_compiles_apart_from_them()
    {
        // The generator leaves a faulty handler out, so the only errors are the analyzer's own.
        var source = Usings + """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/ok")] public string Ok() => CurrentRequest.Method;
                [Route("/bad/{id}")] public string Bad() => "";
            }
            """;
        var (_, errors, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(source));
        Assert.Empty(errors);
        Assert.Equal(["CHALICE002"], (await GeneratorHarness.AnalyzeAsync(source)).Select(d => d.Id));
    }

    public static TheoryData<string, string> Messages => new()
    {
        {
            """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/orders", "GET", "POST", Authorizer = "Tokns")] public string Orders() => "";
                [Authorizer] public static AuthResponse Tokens(AuthRequest request) => AuthResponse.Unauthorized;
            }
            """,
            "Route GET,POST /orders names the authorizer 'Tokns', which the app does not declare; the app's authorizers are 'Tokens'"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Route("/orders", Authorizer = "Auth")] public string Orders() => ""; }
            """,
            "Route GET /orders names the authorizer 'Auth', which the app does not declare; mark a method [Authorizer] and name it 'Auth' (or give it Name = \"Auth\"), or declare it on the app class with [CognitoUserPoolAuthorizer], [IamAuthorizer], [CustomAuthorizer] or [JwtAuthorizer]"
        },
        {
            // No context in the project: the whole context, ready to paste.
            """
            public sealed class Order { public int Id { get; set; } }
            [ChaliceApp("a")] public partial class App { [Route("/orders")] public Order Get() => new(); }
            """,
            "'Order' is read or written as JSON but no JsonSerializerContext in the project declares it; add one to the project "
            + "(with using System.Text.Json.Serialization;): [JsonSerializable(typeof(Order))] internal partial class AppJsonContext : JsonSerializerContext;"
        },
        {
            """
            public sealed class Order { public int Id { get; set; } }
            public sealed class Other { public int Id { get; set; } }
            [System.Text.Json.Serialization.JsonSerializable(typeof(Other))]
            internal sealed partial class Json : System.Text.Json.Serialization.JsonSerializerContext;
            [ChaliceApp("a")] public partial class App { [Route("/orders")] public Order Get() => new(); }
            """,
            "'Order' is read or written as JSON but no JsonSerializerContext in the project declares it; add [JsonSerializable(typeof(Order))] to one"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Route("/")] public System.Net.Http.HttpResponseMessage Get() => new(); }
            """,
            "'Get' returns 'System.Net.Http.HttpResponseMessage', which a handler cannot return: an HttpResponseMessage is a client's view "
            + "of a response; return Chalice.Response (status code, headers and body) instead"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Route("/", "get, post")] public string Get() => ""; }
            """,
            "'get, post' is not an HTTP method API Gateway supports (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS); "
            + "write each method as its own string: \"GET\", \"POST\""
        },
        {
            """
            public interface IGreeter { string Greet(string name); }
            public sealed class Greeter : IGreeter { public string Greet(string name) => "hi " + name; }
            [ChaliceApp("a")] public partial class App(IGreeter greeter) { [Route("/")] public string Get() => greeter.Greet("you"); }
            """,
            "The constructor of 'App' needs the service 'IGreeter', which the app never registers, so the app cannot start on Lambda "
            + "and locally; add 'public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IGreeter, Greeter>();' to 'App'"
        },
        {
            """
            public sealed class Clock { }
            public sealed class Greeter { }
            [ChaliceApp("a")] public partial class App(Greeter greeter)
            {
                public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<Greeter>();
                [Route("/")] public string Get([FromServices] Clock clock) => "";
            }
            """,
            "Handler 'Get' needs the service 'Clock', which the app never registers, so every request to it fails on Lambda and locally; "
            + "add 'services.AddSingleton<Clock>();' to ConfigureServices"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Route("/")] public string Get([FromHeader] string userAgent) => userAgent; }
            """,
            "[FromHeader] parameter 'userAgent' binds the header 'userAgent' exactly as written (a C# name cannot hold '-'), so a client "
            + "sending 'User-Agent' does not reach it; write [FromHeader(Name = \"User-Agent\")], or [FromHeader(Name = \"userAgent\")] if "
            + "'userAgent' is the header's real name"
        },
        {
            """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/books", "GET", "OPTIONS", Cors = true)] public string Get() => "";
            }
            """,
            "Route '/books' has CORS enabled, so the OPTIONS method is added for it (the preflight); remove \"OPTIONS\" from the methods "
            + "of 'Get', as Chalice requires"
        },
        {
            """
            public sealed class Clock { }
            [ChaliceApp("a")] public partial class App { [OnSqsMessage("orders")] public void Process(SqsEvent e, [FromServices] Clock clock) { } }
            """,
            "Handler 'Process' needs the service 'Clock', which the app never registers, so every invocation of it fails on Lambda and "
            + "locally; add 'public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<Clock>();' to 'App'"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Schedule("rate(1 minutes)")] public void Tick() { } }
            """,
            "Schedule expression 'rate(1 minutes)' is not one EventBridge accepts: a value of 1 takes the singular unit: rate(1 minute)"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Schedule("rate(5 hour)")] public void Tick() { } }
            """,
            "Schedule expression 'rate(5 hour)' is not one EventBridge accepts: a value above 1 takes the plural unit: rate(5 hours)"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Schedule("cron(0 12 * * MON *)")] public void Tick() { } }
            """,
            "Schedule expression 'cron(0 12 * * MON *)' is not one EventBridge accepts: day-of-month and day-of-week cannot both be "
            + "given: write ? in one of them (cron(0 12 * * ? *))"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Schedule("cron(0 25 * * ? *)")] public void Tick() { } }
            """,
            "Schedule expression 'cron(0 25 * * ? *)' is not one EventBridge accepts: the hours field '25' is invalid: '25' is not 0-23"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [OnCloudWatchEvent("{\"source\": [], \"detail-type\": [\"x\"]}")] public void On(EventBridgeEvent e) { } }
            """,
            "The event pattern is not one EventBridge accepts: \"source\" is an empty array, which EventBridge does not allow"
        },
        {
            """
            [ChaliceApp("averyverylongappname")] public partial class App
            {
                [LambdaFunction] public static int ComputeTheQuarterlyRevenueForecastAcrossRegions() => 1;
            }
            """,
            "The function name 'ComputeTheQuarterlyRevenueForecastAcrossRegions' makes the Lambda function "
            + "'averyverylongappname-dev-ComputeTheQuarterlyRevenueForecastAcrossRegions' (72 characters) for the app 'averyverylongappname' and "
            + "the stage 'dev'; Lambda allows 64, so shorten it with Name = \"...\" (deploy checks again with the real stage)"
        },
        {
            """
            [ChaliceApp("a")] public partial class App
            {
                [OnSnsMessage("alerts", Name = "notify")] public void First(SnsEvent e) { }
                [OnSnsMessage("alarms", Name = "notify")] public void Second(SnsEvent e) { }
            }
            """,
            "The function name 'notify' is already the name of 'First'; give this one another with Name = \"...\""
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [OnS3Event("uploads")] public void Resize(SqsEvent e) { } }
            """,
            "Parameter 'e' of 'Resize' cannot be bound: an S3 event handler takes its event as S3Event, not SqsEvent; an S3 event handler "
            + "takes S3Event, ILambdaContext, CancellationToken, ILogger<T> and [FromServices] services"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [OnS3Event("uploads")] public string Resize(S3Event e) => ""; }
            """,
            "'Resize' returns 'string', which an S3 event handler cannot return: an S3 event handler is invoked asynchronously and Lambda "
            + "drops its result; return void or Task"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [OnSqsMessage("orders")] public int Process(SqsEvent e) => 0; }
            """,
            "'Process' returns 'int', which an SQS handler cannot return: Lambda reads only a BatchResponse from an SQS handler; return void "
            + "or Task, or BatchResponse to report the records that failed"
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Message_says_how_to_fix_it(string source, string expected)
    {
        var diagnostic = Assert.Single(await GeneratorHarness.AnalyzeAsync(Usings + source));
        Assert.Equal(expected, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What the checks must leave alone: each of these works at run time.</summary>
    public static TheoryData<string> NoFalsePositives => new()
    {
        // Authorizers declared on a registered blueprint serve the app's routes and the blueprint's; an invocation URI is a function too.
        """
        [Blueprint] [IamAuthorizer("signed")]
        [CustomAuthorizer("partner", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations")]
        public class Admin { [Route("/admin", Authorizer = "partner")] public string Get() => ""; }
        [RegisterBlueprint(typeof(Admin))]
        [JwtAuthorizer("jwt", Issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123", Audiences = new[] { "client" })]
        [ChaliceApp("a")] public partial class App
        {
            [Route("/me", Authorizer = "signed")] public string Me() => "";
            [Route("/jwt", Authorizer = "jwt")] public string Jwt() => "";
        }
        """,
        // A framework or SDK service: something other than ConfigureServices may register it.
        """
        [ChaliceApp("a")] public partial class App(IServiceProvider services) { [Route("/")] public string Get() => ""; }
        """,
        // Registered through a helper the analyzer does not read.
        """
        public interface IGreeter { }
        public sealed class Greeter : IGreeter { }
        public static class Registrations { public static IServiceCollection AddGreeting(this IServiceCollection s) => s.AddSingleton<IGreeter, Greeter>(); }
        [ChaliceApp("a")] public partial class App(IGreeter greeter)
        {
            public static void ConfigureServices(IServiceCollection services) => services.AddGreeting();
            [Route("/")] public string Get() => "";
        }
        """,
        // Chained, generic, typeof, open generic and TryAdd registrations.
        """
        using Microsoft.Extensions.DependencyInjection.Extensions;
        public interface IGreeter { }
        public sealed class Greeter : IGreeter { }
        public interface IClock { }
        public sealed class Clock : IClock { }
        public interface IRepo<T> { }
        public sealed class Repo<T> : IRepo<T> { }
        public sealed class Cache { }
        [ChaliceApp("a")] public partial class App(IGreeter greeter, IClock clock, IRepo<string> repo, Cache cache)
        {
            public static void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IGreeter, Greeter>().AddScoped(typeof(IClock), typeof(Clock));
                services.AddSingleton(typeof(IRepo<>), typeof(Repo<>));
                services.TryAddSingleton<Cache>();
            }
            [Route("/")] public string Get([FromServices] IClock? optional, [FromServices] Cache cached) => "";
        }
        """,
        // Response bodies whose runtime type may be a subclass, object, text and declared types.
        """
        public class Order { }
        public sealed class Declared { }
        [System.Text.Json.Serialization.JsonSerializable(typeof(Declared))]
        internal sealed partial class Json : System.Text.Json.Serialization.JsonSerializerContext;
        [ChaliceApp("a")] public partial class App
        {
            private static readonly Order s_order = new();
            private static readonly object s_any = new();
            [Route("/a")] public Response A() => new(s_order);
            [Route("/b")] public Response B() => new(s_any, 200);
            [Route("/c")] public Response C() => new("text") { Body = new byte[] { 1 } };
            [Route("/d")] public Response D() => new(new Declared(), 201);
            [Route("/e")] public Response E() => new(42);
        }
        """,
        // A function of every kind, each with the parameters and results its source allows, and EventBridge's documented
        // schedule expressions (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
        """
        using System.Text.Json.Nodes;
        using Chalice.Lambda;
        using Microsoft.Extensions.Logging;
        public sealed record Detail(string Id);
        public sealed record Input(int A);
        [System.Text.Json.Serialization.JsonSerializable(typeof(EventBridgeEvent<Detail>))]
        [System.Text.Json.Serialization.JsonSerializable(typeof(Input))]
        internal sealed partial class Json : System.Text.Json.Serialization.JsonSerializerContext;
        public interface IStore { }
        public sealed class Store : IStore { }
        [ChaliceApp("a")] public partial class App
        {
            public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStore, Store>();
            [Schedule("rate(1 minute)")] public void A() { }
            [Schedule("cron(0 18 ? * MON-FRI *)")] public Task B(EventBridgeEvent e, System.Threading.CancellationToken ct) => Task.CompletedTask;
            [Schedule("cron(0/5 8-17 ? * MON-FRI *)")] public void C(ILambdaContext context, ILogger<App> log) { }
            [Schedule("cron(0 9 ? * 2#1 *)")] public void D() { }
            [Schedule("cron(0 18 L * ? *)")] public void E() { }
            [Schedule("cron(15 10 ? * 6L 2019-2022)")] public void F() { }
            [Schedule("cron(0 8 1,15 JAN-JUN ? *)")] public void G() { }
            [OnS3Event("uploads", Events = ["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"], Prefix = "in/", Suffix = ".csv")] public void H(S3Event e, [FromServices] IStore store) { }
            [OnSqsMessage("orders", BatchSize = 100, MaximumBatchingWindowInSeconds = 5, MaximumConcurrency = 5)] public BatchResponse I(SqsEvent e) => new();
            [OnSqsMessage(QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders", Name = "orders_by_arn")] public async ValueTask<BatchResponse> J(SqsEvent e) { await Task.Yield(); return new(); }
            [OnSnsMessage("arn:aws:sns:us-east-1:123456789012:alerts")] public ValueTask K(SnsEvent e) => ValueTask.CompletedTask;
            [OnCloudWatchEvent("{\"source\": [\"com.example\"], \"detail\": {\"id\": [{\"prefix\": \"a\"}]}}")] public void L(EventBridgeEvent<Detail> e) { }
            [OnKinesisRecord("clicks", BatchSize = 10000, StartingPosition = StartingPosition.TrimHorizon)] public Task<BatchResponse> M(KinesisEvent e) => Task.FromResult(new BatchResponse());
            [OnDynamoDBRecord("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000", MaximumBatchingWindowInSeconds = 300)] public void N(DynamoDBEvent e) { }
            [LambdaFunction(Name = "add-one")] public static Input O(Input input) => input with { A = input.A + 1 };
            [LambdaFunction] public object P(JsonNode? anything, [FromKeyedServices("k")] IStore? store) => anything ?? "none";
            [LambdaFunction] public static void Q() { }
        }
        """,
        // Header names that are the header as written, or named explicitly.
        """
        [ChaliceApp("a")] public partial class App
        {
            [Route("/")] public string Get([FromHeader] string? authorization, [FromHeader(Name = "X-Author")] string? xAuthor, [FromHeader(Name = "xTrace")] string? xTrace) => "";
        }
        """,
    };

    [Theory]
    [MemberData(nameof(NoFalsePositives))]
    public async Task Working_code_has_no_diagnostics(string source)
    {
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(Usings + source));
    }

    public static TheoryData<string, string> AppClassMistakes => new()
    {
        { "CHALICE006", "[ChaliceApp(\"a\")] public class App { [Route(\"/\")] public string Get() => \"\"; }" },
        { "CHALICE008", "[ChaliceApp(\"a\")] public partial class App { } [ChaliceApp(\"b\")] public partial class Other { }" },
        { "CHALICE014", "public static class Outer { [ChaliceApp(\"a\")] public partial class App { } }" },
        { "CHALICE014", "[ChaliceApp(\"a\")] public partial class App<T> { }" },
    };

    [Theory]
    [MemberData(nameof(AppClassMistakes))]
    public async Task An_executable_with_an_invalid_app_class_gets_only_the_chalice_error(string id, string source)
    {
        // Without a generated Main the compiler would add CS5001 (no static 'Main') to the CHALICE error.
        var (output, errors, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(Usings + source, OutputKind.ConsoleApplication));
        Assert.Empty(errors);
        var main = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("ChaliceProgram.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("fix the CHALICE errors the build reports", main);
        Assert.Contains("return 1;", main);
        Assert.Equal([id], (await GeneratorHarness.AnalyzeAsync(Usings + source)).Select(d => d.Id));
    }

    internal static (string Source, TextSpan Span) Unmark(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the case must mark the expected location");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
