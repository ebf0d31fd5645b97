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
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DiagnosticIsReportedAtTheMarkedLocation(string id, string markedSource)
    {
        var (source, expected) = Unmark(Usings + markedSource);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.SourceSpan);
        Assert.Equal("App.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    [Fact]
    public async Task AValidAppHasNoDiagnostics()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(Usings + SampleApps.Valid);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task GeneratedCodeForAnAppWithMistakesStillCompilesApartFromThem()
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
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task MessageSaysHowToFixIt(string source, string expected)
    {
        var diagnostic = Assert.Single(await GeneratorHarness.AnalyzeAsync(Usings + source));
        Assert.Equal(expected, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What the checks must leave alone: each of these works at run time.</summary>
    public static TheoryData<string> NoFalsePositives => new()
    {
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
    public async Task WorkingCodeHasNoDiagnostics(string source)
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
    public async Task AnExecutableWithAnInvalidAppClassGetsOnlyTheChaliceError(string id, string source)
    {
        // Without a generated Main the compiler would add CS5001 (no static 'Main') to the CHALICE error.
        var (output, errors, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(Usings + source, OutputKind.ConsoleApplication));
        Assert.Empty(errors);
        var main = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("ChaliceProgram.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("fix the CHALICE errors the build reports", main);
        Assert.Contains("return 1;", main);
        Assert.Equal([id], (await GeneratorHarness.AnalyzeAsync(Usings + source)).Select(d => d.Id));
    }

    private static (string Source, TextSpan Span) Unmark(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the case must mark the expected location");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
