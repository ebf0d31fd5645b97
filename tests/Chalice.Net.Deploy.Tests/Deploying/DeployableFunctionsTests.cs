using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Hosting;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The deployer deploys every kind of function but authorizers; an app with authorizers is refused, naming them,
/// rather than deployed with its routes open.
/// </summary>
public sealed class DeployableFunctionsTests
{
    [Fact]
    public void An_app_with_every_kind_of_event_handler_is_deployable() =>
        DeployableFunctions.Ensure(new AppManifest("shop",
        [
            new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
            new S3FunctionManifest("resize", "Resize", "uploads", ["s3:ObjectCreated:*"], null, null),
            new PureFunctionManifest("add", "Add"),
        ], []));

    [Fact]
    public void Authorizer_functions_are_a_named_refusal_until_the_deployer_deploys_them()
    {
        var manifest = new AppManifest("shop",
        [
            new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
            new AuthorizerFunctionManifest("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300),
        ], []);

        var error = Assert.Throws<InvalidDataException>(() => DeployableFunctions.Ensure(manifest));
        Assert.Equal(
            "'shop' has authorizers (Tokens), which this chalice-net does not deploy yet, and their routes are not deployed open instead; " +
            "run the app with 'chalice-net local', which enforces them.",
            error.Message);
    }

    [Fact]
    public void The_API_function_has_one_name_everywhere()
    {
        // The runtime selects it, the manifest records it, the config keys its lambda_functions settings by it.
        Assert.Equal(ChaliceDispatcher.ApiHandlerName, ApiFunctionManifest.DefaultName);
        Assert.Equal(ChaliceDispatcher.ApiHandlerName, ChaliceConfig.ApiHandlerName);
    }
}
