using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Hosting;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The package's template has an app's API; an app with event handlers or pure functions is refused, naming them, rather
/// than packaged without them (deploy deploys them: MultiFunctionDeployTests).
/// </summary>
public sealed class PackageableFunctionsTests
{
    [Fact]
    public void An_API_only_app_is_packageable() =>
        PackageableFunctions.Ensure(new AppManifest("shop", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName)], []));

    [Fact]
    public void Functions_the_template_would_leave_out_are_named()
    {
        var manifest = new AppManifest("shop",
        [
            new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
            new S3FunctionManifest("resize", "Resize", "uploads", ["s3:ObjectCreated:*"], null, null),
            new PureFunctionManifest("add", "Add"),
        ], []);

        var error = Assert.Throws<InvalidDataException>(() => PackageableFunctions.Ensure(manifest));
        Assert.Equal(
            "This chalice-net packages an app's API only, and 'shop' has other functions the template would leave out: resize (s3), add (pure_lambda). " +
            "Deploy it with 'chalice-net deploy', which deploys every function with its event source.",
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
