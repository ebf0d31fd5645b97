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
            "CHALICE014", """
            [ChaliceApp("a")] public partial class App
            {
                [Route("/")] public string [|Get|]<T>() => "";
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

    private static (string Source, TextSpan Span) Unmark(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the case must mark the expected location");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
