using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Testing;
using ComposedAppClass = Chalice.ComposedApp.App;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// tests/TestApps/ComposedApp, split into three blueprints registered with URL and name prefixes: what the deployer
/// reads (the generated manifest and the OpenAPI document made from it) and what the test client serves (the generated
/// route table behind the gateway simulation) are the same routes and functions, the blueprints' as the app's own.
/// </summary>
public sealed class ComposedAppBlueprintTests
{
    private static readonly AppManifest s_manifest = AppManifest.Read(typeof(ComposedAppClass).Assembly.Location);

    [Fact]
    public void The_OpenAPI_document_has_every_route_of_the_app_and_its_blueprints_under_their_prefixes()
    {
        var document = OpenApiDocument.Create(s_manifest, new OpenApiSettings("composedapp-dev", "d", "uri", []));

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "GET /", "GET /admin", "GET /admin/health", "GET /greeting", "GET /guarded", "GET /orders", "GET /orders/{sku}",
                "GET /trail", "GET /users/{id}", "HEAD /admin/health", "POST /users",
            ],
            operations);
    }

    [Fact]
    public void The_manifest_names_blueprint_functions_and_routes_with_their_name_prefix()
    {
        Assert.Equal(["api_handler", "orders_Process", "users_lookup", "admin_Nightly"], s_manifest.Functions.Select(f => f.Name));
        Assert.Equal(
            ["Index", "Trail", "Guarded", "Greeting", "orders_List", "orders_Get", "users_Get", "users_Create", "admin_Home", "admin_Health"],
            s_manifest.Routes.Select(r => r.Name));
    }

    [Fact]
    public async Task The_test_client_serves_every_route_of_the_OpenAPI_document()
    {
        var document = OpenApiDocument.Create(s_manifest, new OpenApiSettings("composedapp-dev", "d", "uri", []));
        await using var client = ChaliceTestClient.Create<ComposedAppClass>();

        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "u-1" : s));
            foreach (var (method, _) in item!.AsObject())
            {
                var response = await client.SendAsync(method.ToUpperInvariant(), path, [new("Content-Type", "application/json")], method == "post" ? """{"id":"u-2"}""" : null);
                Assert.True(response.StatusCode is 200 or 201, $"{method} {path}: {response}");
            }
        }
        Assert.Equal("""{"id":"u-1","name":"Ada"}""", (await client.GetAsync("/users/u-1")).BodyText);
        Assert.Equal("admin", (await client.GetAsync("/admin")).BodyText);
    }
}
