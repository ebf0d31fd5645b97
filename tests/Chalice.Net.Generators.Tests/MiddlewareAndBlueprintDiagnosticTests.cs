namespace Chalice.Generators.Tests;

/// <summary>
/// The diagnostics of middleware and blueprints (CHALICE030–035), and the app-wide rules (duplicate routes and function
/// names) judged across blueprints: a source each, the expected location marked <c>[|like this|]</c>.
/// </summary>
public sealed class MiddlewareAndBlueprintDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Chalice;
        using Chalice.Events;

        """;

    public static TheoryData<string, string> Cases => new()
    {
        {
            "CHALICE030", """
            [ChaliceApp("a")] public partial class App
            {
                [Middleware([|"websocket"|])] public ValueTask<object?> M(object? e, EventMiddlewareNext next) => next(e);
            }
            """
        },
        {
            "CHALICE031", """
            [ChaliceApp("a")] public partial class App
            {
                [Middleware("http")] public ValueTask<Response> M(Request request, EventMiddlewareNext [|next|]) => default;
            }
            """
        },
        {
            "CHALICE031", """
            [ChaliceApp("a")] public partial class App
            {
                [Middleware("sqs")] public ValueTask<object?> M(S3Event [|e|], EventMiddlewareNext next) => next(e);
            }
            """
        },
        {
            "CHALICE031", """
            [ChaliceApp("a")] public partial class App
            {
                [Middleware("http")] public [|Task|] M(Request request, HttpMiddlewareNext next) => next(request).AsTask();
            }
            """
        },
        {
            "CHALICE031", """
            [ChaliceApp("a")] public partial class App
            {
                [Middleware("all")] public object? [|M|](object? e) => e;
            }
            """
        },
        {
            "CHALICE031", """
            [ChaliceApp("a")] public partial class App { }
            public class Helpers
            {
                [Middleware] public ValueTask<object?> [|M|](object? e, EventMiddlewareNext next) => next(e);
            }
            """
        },
        {
            "CHALICE032", """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users), UrlPrefix = "/users")]
            [RegisterBlueprint([|typeof(Users)|], UrlPrefix = "/people")]
            public partial class App { }
            [Blueprint] public class Users { [Route("/")] public string List() => ""; }
            """
        },
        {
            "CHALICE033", """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users), [|UrlPrefix = "users"|])]
            public partial class App { }
            [Blueprint] public class Users { [Route("/{id}")] public string Get(string id) => id; }
            """
        },
        {
            "CHALICE034", """
            [ChaliceApp("a")]
            [RegisterBlueprint([|typeof(Users)|])]
            public partial class App { }
            public class Users { }
            """
        },
        {
            "CHALICE035", """
            [ChaliceApp("a")] public partial class App { }
            [Blueprint] public class [|Users|] { [Route("/")] public string List() => ""; }
            """
        },
        {
            "CHALICE014", """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users))]
            public partial class App { }
            [Blueprint] public class Users { [Route("/")] private string [|List|]() => ""; }
            """
        },
        {
            "CHALICE001", """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users), UrlPrefix = "/users")]
            public partial class App { [Route("/users/{id}")] public string Get(string id) => id; }
            [Blueprint] public class Users { [[|Route("/{id}")|]] public string Find(string id) => id; }
            """
        },
        {
            "CHALICE020", """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users), NamePrefix = "people_")]
            public partial class App { [LambdaFunction] public static int people_Count() => 1; }
            [Blueprint] public class Users { [[|LambdaFunction|]] public static int Count() => 2; }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Diagnostic_is_reported_at_the_marked_location(string id, string markedSource)
    {
        var (source, expected) = DiagnosticTests.Unmark(Usings + markedSource);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.SourceSpan);
    }

    public static TheoryData<string, string> Messages => new()
    {
        {
            """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users), UrlPrefix = "users")]
            public partial class App { }
            [Blueprint] public class Users { [Route("/{id}")] public string Get(string id) => id; }
            """,
            "UrlPrefix 'users' makes the route '/{id}' of 'Get' the path 'users/{id}', which API Gateway refuses: a route path must start with '/'"
        },
        {
            """
            [ChaliceApp("a")] public partial class App { [Middleware("websocket")] public ValueTask<object?> M(object? e, EventMiddlewareNext next) => next(e); }
            """,
            "'websocket (Chalice.Net has no WebSocket APIs)' is not a kind of invocation middleware wraps; use one of \"all\", \"http\", "
            + "\"pure_lambda\", \"s3\", \"sqs\", \"sns\", \"scheduled\", \"cloudwatch\", \"kinesis\", \"dynamodb\" (MiddlewareKinds)"
        },
        {
            """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users))]
            [RegisterBlueprint(typeof(Users))]
            public partial class App { }
            [Blueprint] public class Users { }
            """,
            "The blueprint 'Users' is already registered into 'App'; register each blueprint once"
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Message_says_how_to_fix_it(string source, string expected)
    {
        var diagnostic = Assert.Single(await GeneratorHarness.AnalyzeAsync(Usings + source));
        Assert.Equal(expected, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Middleware of every shape and blueprints of every kind of member that work at run time.</summary>
    [Fact]
    public async Task Working_middleware_and_blueprints_have_no_diagnostics()
    {
        const string source = """
            [ChaliceApp("a")]
            [RegisterBlueprint(typeof(Users), UrlPrefix = "/users/{tenant}/", NamePrefix = "users_")]
            [RegisterBlueprint(typeof(Admin))]
            public partial class App
            {
                [Route("/")] public string Index() => "";
                [Middleware] public static readonly ConvertToMiddleware Wrapped = new(handler => handler);
                [Middleware("http")] public Response Sync(Request request, HttpMiddlewareNext next, System.Threading.CancellationToken token) => new("x");
                [Middleware("s3")] public Task<object?> S3(S3Event e, EventMiddlewareNext next, Chalice.Lambda.ILambdaContext context) => next(e).AsTask();
                [Middleware("scheduled")] public static object? Scheduled(EventMiddlewareNext next) => null;
            }
            [Blueprint] public class Users
            {
                [Route("/")] public string List(string tenant) => tenant;
                [Route("/{id}", "GET", "PUT")] public string Get(string tenant, string id) => id;
                [OnSqsMessage("q")] public void Process(SqsEvent e) { }
                [Middleware("sqs")] public ValueTask<object?> Count(SqsEvent e, EventMiddlewareNext next) => next(e);
            }
            [Blueprint] public class Admin { [Route("/admin")] public static string Home() => ""; }
            """;
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(Usings + source));
    }
}
