using System.Text;
using Chalice.Events;
using Chalice.Local.Lambda;
using Chalice.Testing;
using ComposedAppClass = Chalice.ComposedApp.App;

namespace Chalice.Lambda.Tests;

/// <summary>
/// tests/TestApps/ComposedApp (middleware, three blueprints) as its published Native AOT bootstrap, driven through a
/// local Runtime API: every request and function answers byte for byte as the in-memory dispatcher behind the test
/// client, so the compiled middleware (order, short-circuit, replaced requests and responses, mapped and escaping
/// exceptions, the SQS batch, a pure function, scoped services) behaves the same under Native AOT.
/// </summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class ComposedAppFunctionTests(LambdaPackages packages)
{
    private static readonly EventBuilder s_events = new();

    [Fact]
    public async Task Requests_through_the_middleware_answer_byte_for_byte_as_the_test_client()
    {
        var package = await packages.ComposedAppAot;
        await using var client = ChaliceTestClient.Create<ComposedAppClass>();
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var process = Start(LambdaPackages.Extract(package), package.Handler, runtime, "api_handler");
        (string Path, KeyValuePair<string, string>[] Headers, string Expected)[] requests =
        [
            ("/trail", [], "\"statusCode\":200"),                        // order, and one scope per invocation
            ("/guarded", [new("X-Block", "yes")], "\"statusCode\":403"), // short-circuit
            ("/greeting?shout=1", [], "HELLO (EN)"),                      // request and response replaced
            ("/orders/sold-out", [], "\"statusCode\":409"),               // mapped
            ("/orders/broken", [], "\"statusCode\":500"),                 // escaped
            ("/users/u-1", [], "Ada"),                                    // a blueprint with a service of its own
        ];

        foreach (var (path, headers, expected) in requests)
        {
            var request = client.CreateEventJson("GET", path, headers)!;

            var result = await runtime.InvokeAsync(request).WaitAsync(TimeSpan.FromSeconds(30));

            var local = Encoding.UTF8.GetString(await client.Application.Dispatcher.DispatchAsync(request));
            Assert.False(result.IsError, path);
            Assert.Equal(local, Encoding.UTF8.GetString(result.Body));
            Assert.Contains(expected, local);
        }
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task Blueprint_functions_run_by_prefixed_name_through_their_middleware_as_the_test_client()
    {
        var package = await packages.ComposedAppAot;
        var folder = LambdaPackages.Extract(package);
        await using var client = ChaliceTestClient.Create<ComposedAppClass>();
        (string Function, byte[] Payload)[] invocations =
        [
            ("orders_Process", LambdaEventJson.Serialize(s_events.Sqs(["one", "poison", "two fail"], "orders"))),
            ("users_lookup", """{"id":"u-1"}"""u8.ToArray()),
        ];

        foreach (var (function, payload) in invocations)
        {
            await using var runtime = await LocalRuntimeApi.StartAsync();
            using var process = Start(folder, package.Handler, runtime, function);

            var result = await runtime.InvokeAsync(payload).WaitAsync(TimeSpan.FromSeconds(30));

            var expected = await client.Lambda.InvokeAsync(function, payload);
            Assert.True(!result.IsError && expected.FunctionError is null, $"{function}: {Encoding.UTF8.GetString(result.Body)} / {expected}");
            Assert.Equal(expected.PayloadText, Encoding.UTF8.GetString(result.Body));
        }
        Assert.Contains("\"trail\":[\"all\",\"pure_lambda\",\"handler\"]", (await client.Lambda.InvokeAsync("users_lookup", """{"id":"u-1"}""")).PayloadText);
    }

    [Fact]
    public async Task The_native_AOT_build_has_no_trim_or_AOT_warnings() =>
        Assert.Empty((await packages.ComposedAppAot).BuildWarnings);

    private static FunctionProcess Start(string folder, string packageHandler, LocalRuntimeApi runtime, string function) =>
        FunctionProcess.Start(folder, packageHandler, runtime.Address, new Dictionary<string, string>
        {
            ["_HANDLER"] = function,
            ["AWS_LAMBDA_FUNCTION_NAME"] = $"composedapp-dev-{function}",
        });
}
