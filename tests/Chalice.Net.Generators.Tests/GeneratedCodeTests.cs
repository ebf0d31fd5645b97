using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Chalice.Hosting;
using Chalice.Testing;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Tests;

/// <summary>The generated code compiles without warnings and, loaded and run, serves requests.</summary>
public sealed class GeneratedCodeTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Chalice;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public async Task Generated_app_compiles_loads_and_serves()
    {
        var (output, errors, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(Usings + SampleApps.Valid));
        Assert.Empty(errors);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning));

        var definition = LoadDefinition(output, "Shop.App");
        Assert.Equal("shop", definition.Name);
        await using var app = ChaliceApplication.Create(definition);
        await using var client = new ChaliceTestClient(app);

        var item = await client.GetAsync("/items/3?name=lamp");
        Assert.Equal(200, item.StatusCode);
        Assert.Equal("""{"id":3,"name":"lamp"}""", item.BodyText);
        Assert.Equal("""{"id":4,"name":"none"}""", (await client.GetAsync("/items/4")).BodyText);

        var created = await client.PostAsync("/items", body: """{"id":9,"name":"desk"}""");
        Assert.Equal(201, created.StatusCode);
        Assert.Equal("*", created.Header("Access-Control-Allow-Origin"));
        Assert.Equal("create", app.Routes.FindByTemplate("/items")!.Find("POST")!.Name);

        Assert.Equal("noon utc GET", (await client.GetAsync("/time")).BodyText);
        Assert.Equal("noon cet GET", (await client.GetAsync("/time", [new("X-Zone", "cet")])).BodyText);
        Assert.Equal("a/b", (await client.SendAsync("DELETE", "/files/a/b")).BodyText);

        var batch = client.Events.Sqs(["good", "bad"], "orders");
        var orders = await client.Lambda.InvokeAsync("orders", batch);
        Assert.Null(orders.FunctionError);
        Assert.Equal($$"""{"batchItemFailures":[{"itemIdentifier":"{{batch.Records[1].MessageId}}"}]}""", orders.PayloadText);
        var renamed = await client.Lambda.InvokeAsync("Rename", """{"id":5,"name":"lamp"}""");
        Assert.Equal("""{"id":5,"name":"LAMP at noon"}""", renamed.PayloadText);
    }

    [Fact]
    public void Manifest_describes_the_routes()
    {
        var (output, _, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(Usings + SampleApps.Valid));
        var manifest = output.Assembly.GetAttributes().Single(a => a.AttributeClass!.Name == "ChaliceManifestAttribute");
        var json = JsonNode.Parse((string)manifest.ConstructorArguments[0].Value!)!;
        Assert.Equal("shop", json["name"]!.GetValue<string>());
        Assert.Equal("api_handler", json["functions"]![0]!["name"]!.GetValue<string>());
        var routes = json["routes"]!.AsArray();
        Assert.Equal(["/items/{id}", "/items", "/time", "/files/{path+}"], routes.Select(r => r!["path"]!.GetValue<string>()));
        Assert.Equal(["GET", "DELETE"], routes[3]!["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("create", routes[1]!["name"]!.GetValue<string>());
        Assert.Equal("*", routes[1]!["cors"]!["allowOrigin"]!.GetValue<string>());
        Assert.Null(routes[0]!["cors"]);
    }

    [Theory]
    [InlineData(OutputKind.ConsoleApplication, "", true)]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, "", false)]
    [InlineData(OutputKind.ConsoleApplication, "public static class Program { public static void Main() { } }", false)]
    public void Main_is_generated_only_for_executables_without_one(OutputKind kind, string extra, bool expected)
    {
        var (output, errors, _) = GeneratorHarness.Generate(GeneratorHarness.Compile(Usings + SampleApps.Valid + extra, kind));
        Assert.Empty(errors);
        Assert.Equal(expected, output.GetTypeByMetadataName("ChaliceProgram") is not null);
    }

    private static ChaliceAppDefinition LoadDefinition(Compilation compilation, string typeName)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        image.Position = 0;

        // A collectible context for the generated app; Chalice.Net itself resolves to the test's copy.
        var context = new AssemblyLoadContext("generated-app", isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var getter = type.GetInterfaceMap(typeof(IChaliceApp)).TargetMethods.Single();
        return (ChaliceAppDefinition)getter.Invoke(null, null)!;
    }
}
