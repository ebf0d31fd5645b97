using System.Net;
using System.Text;
using ComposedAppClass = Chalice.ComposedApp.App;

namespace Chalice.Local.Tests;

/// <summary>
/// tests/TestApps/ComposedApp in the local emulator, over HTTP: the routes of its three blueprints under their URL
/// prefixes beside the app's own, and its middleware around each request.
/// </summary>
public sealed class ComposedAppEmulatorTests
{
    [Theory]
    [InlineData("GET", "/", 200, "composedapp")]
    [InlineData("GET", "/orders", 200, """["o-1","o-2"]""")]
    [InlineData("GET", "/orders/o-7", 200, """{"sku":"o-7"}""")]
    [InlineData("GET", "/orders/sold-out", 409, """{"Code":"ConflictError","Message":"sold-out is out of stock"}""")]
    [InlineData("GET", "/users/u-1", 200, """{"id":"u-1","name":"Ada"}""")]
    [InlineData("POST", "/users", 201, """{"id":"u-2"}""")]
    [InlineData("GET", "/admin", 200, "admin")]
    [InlineData("GET", "/admin/health", 200, """{"healthy":true}""")]
    [InlineData("GET", "/greeting?shout=1", 200, "HELLO (EN)")]
    public async Task Every_route_of_the_app_and_its_blueprints_is_served_under_its_prefix(string method, string path, int status, string body)
    {
        await using var emulator = await LocalEmulator.StartAsync(EmulatorHarness.Definition<ComposedAppClass>(), new EmulatorOptions
        {
            Port = 0,
            ProjectDirectory = EmulatorHarness.AppFolder("{}"),
        });
        using var client = EmulatorHarness.Client(emulator);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new StringContent("""{"id":"u-2"}""", Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_blueprints_prefix_is_part_of_the_path_the_unprefixed_path_is_not_a_route()
    {
        await using var emulator = await LocalEmulator.StartAsync(EmulatorHarness.Definition<ComposedAppClass>(), new EmulatorOptions
        {
            Port = 0,
            ProjectDirectory = EmulatorHarness.AppFolder("{}"),
        });
        using var client = EmulatorHarness.Client(emulator);

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        // Behind a REST API, a path no route serves: 403 Missing Authentication Token (see the README's gateway errors).
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
