using Chalice.Deploy.Tests.Aws.Model;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>Requests that cannot be right are refused before they are sent.</summary>
public sealed class RequestGuardTests
{
    [Fact]
    public async Task An_empty_uri_label_is_refused_before_anything_is_sent()
    {
        var handler = new ScriptedHandler();
        using var clients = ModelConformanceTests.LocalClients(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            clients.Lambda.UpdateFunctionCodeAsync(new() { ZipFile = [1] }, TestContext.Current.CancellationToken));

        Assert.Equal("request.FunctionName", error.ParamName);
        Assert.Empty(handler.Requests);
    }
}
