using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Hosting;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>The API's function is <c>api_handler</c> wherever a name is needed.</summary>
public sealed class ApiFunctionNameTests
{
    [Fact]
    public void The_API_function_has_one_name_everywhere()
    {
        // The runtime selects it, the manifest records it, the config keys its lambda_functions settings by it.
        Assert.Equal(ChaliceDispatcher.ApiHandlerName, ApiFunctionManifest.DefaultName);
        Assert.Equal(ChaliceDispatcher.ApiHandlerName, ChaliceConfig.ApiHandlerName);
    }
}
