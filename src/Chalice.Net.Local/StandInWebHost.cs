using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local;

/// <summary>
/// The bare host every stand-in runs on outside the emulator's own: Kestrel core on loopback, no configuration
/// sources, no logging providers, no routing, no body size limit (S3 objects), because the emulator's whole start-up
/// budget is a few hundred milliseconds.
/// </summary>
internal static class StandInWebHost
{
    /// <summary>Starts <paramref name="handler"/> on one loopback port (0: any free one) and returns its address.</summary>
    public static Task<(WebApplication Host, Uri Endpoint)> StartAsync(RequestDelegate handler, int port, CancellationToken cancellationToken) =>
        StartAsync(handler, kestrel => kestrel.Listen(IPAddress.Loopback, port), cancellationToken);

    /// <summary>Starts <paramref name="handler"/> on the listeners <paramref name="listen"/> adds.</summary>
    public static async Task<(WebApplication Host, Uri Endpoint)> StartAsync(
        RequestDelegate handler, Action<KestrelServerOptions> listen, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(StandInWebHost).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            listen(kestrel);
        });
        var host = builder.Build();
        host.Run(handler);
        await host.StartAsync(cancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (host, new Uri(address));
    }
}
