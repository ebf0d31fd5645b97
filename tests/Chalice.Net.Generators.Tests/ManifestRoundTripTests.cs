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
    public void TheDeployerReadsEveryFieldTheGeneratorWrote()
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

    [Theory]
    [InlineData("every field")]
    [InlineData("TestApp")]
    public void WhatTheDeployerReadsWritesBackAsTheGeneratorsJson(string app)
    {
        var compilation = app == "TestApp" ? GeneratorHarness.CompileTestApp() : GeneratorHarness.Compile(EveryField);
        var (output, errors, _) = GeneratorHarness.Generate(compilation);
        Assert.Empty(errors);
        var written = JsonNode.Parse(ManifestJson(output))!;

        var read = AppManifest.Read(EmitToFile(compilation));
        var writtenBack = JsonSerializer.SerializeToNode(read, s_deployerJson)!;

        Assert.True(JsonNode.DeepEquals(written, writtenBack),
            $"generator wrote:\n{written.ToJsonString()}\ndeployer read back:\n{writtenBack.ToJsonString()}");
    }

    [Fact]
    public void AManifestOfANewerSchemaIsRefusedWithOneClearLine()
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
