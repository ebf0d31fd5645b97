using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Hosting;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The deployer deploys an app's API; an app with event handlers or pure functions is refused, naming them, rather
/// than deployed without them.
/// </summary>
public sealed class DeployableFunctionsTests
{
    [Fact]
    public void An_API_only_app_is_deployable() =>
        DeployableFunctions.Ensure(new AppManifest("shop", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName)], []));

    [Fact]
    public void Functions_the_deployer_would_leave_out_are_named()
    {
        var manifest = new AppManifest("shop",
        [
            new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
            new S3FunctionManifest("resize", "Resize", "uploads", ["s3:ObjectCreated:*"], null, null),
            new PureFunctionManifest("add", "Add"),
        ], []);

        var error = Assert.Throws<InvalidDataException>(() => DeployableFunctions.Ensure(manifest));
        Assert.Equal(
            "This chalice-net deploys an app's API only, and 'shop' has other functions it would leave out: resize (s3), add (pure_lambda). " +
            "Run them locally with 'chalice-net invoke NAME' (and authorizers with 'chalice-net local') until the deployer wires them.",
            error.Message);
    }

    [Fact]
    public void Authorizer_functions_are_a_named_refusal_until_the_deployer_deploys_functions()
    {
        var manifest = new AppManifest("shop",
        [
            new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
            new AuthorizerFunctionManifest("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300),
        ], []);

        var error = Assert.Throws<InvalidDataException>(() => DeployableFunctions.Ensure(manifest));
        Assert.Contains("Tokens (authorizer)", error.Message, StringComparison.Ordinal);
        Assert.Contains("The authorizer functions (Tokens) are not deployed yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_API_function_has_one_name_everywhere()
    {
        // The runtime selects it, the manifest records it, the config keys its lambda_functions settings by it.
        Assert.Equal(ChaliceDispatcher.ApiHandlerName, ApiFunctionManifest.DefaultName);
        Assert.Equal(ChaliceDispatcher.ApiHandlerName, ChaliceConfig.ApiHandlerName);
    }
}
