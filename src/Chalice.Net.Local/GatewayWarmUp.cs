using Chalice.Gateway;
using Chalice.Hosting;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local;

/// <summary>
/// Runs one request through the emulator's whole path (HTTP adapter, gateway, event JSON, dispatcher, response) against
/// a throwaway app of one no-op route, on a spare thread while the host starts, so that the JIT has compiled that path
/// before the first real request needs it (about 50 ms sooner to the first response). The user's app is not involved:
/// none of its code runs.
/// </summary>
internal static class GatewayWarmUp
{
    /// <summary>Starts the warm-up without waiting for it; should it fail, the first request is merely slower.</summary>
    public static void Start(ApiGatewayType apiType) => _ = Task.Run(() => RunAsync(apiType));

    /// <summary>The warm-up request; returns the HTTP status it was answered with.</summary>
    internal static async Task<int> RunAsync(ApiGatewayType apiType)
    {
        var definition = new ChaliceAppDefinition("warm-up", [
            new RouteDefinition("/warm-up/{id}", ["GET"], "WarmUp", (_, _) => ValueTask.FromResult(new Response())),
        ], _ => new object());
        // It logs nowhere: nothing it does is the user's business.
        await using var application = ChaliceApplication.Create(definition, new ChaliceApplicationOptions { ConfigureLogging = _ => { } });
        var gateway = new ApiGatewaySimulator(application.Routes, new GatewayOptions { ApiType = apiType });
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/warm-up/1";
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?q=1");
        context.Request.Headers.Host = "localhost";
        context.Response.Body = Stream.Null;
        var request = await HttpGatewayAdapter.ReadAsync(context, gateway.Options.MaxRequestBytes);
        var response = await gateway.HandleAsync(request, (eventJson, ct) => application.Dispatcher.DispatchAsync(eventJson, lambdaContext: null, ct));
        await HttpGatewayAdapter.WriteAsync(context, response);
        return context.Response.StatusCode;
    }
}
