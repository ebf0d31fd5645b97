using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local.S3;

/// <summary>
/// A local, file-backed stand-in for Amazon S3 that unmodified AWS SDK code can talk to: point the SDK at
/// <see cref="S3StandInHost.Endpoint"/> with path-style addressing and any credentials.
/// </summary>
public static class S3StandIn
{
    /// <summary>
    /// Starts the stand-in on a loopback port. The host is deliberately bare (Kestrel core, no configuration sources,
    /// no logging providers, no routing) because the emulator's whole start-up budget is a few hundred milliseconds.
    /// </summary>
    public static async Task<S3StandInHost> StartAsync(S3StandInOptions options, CancellationToken cancellationToken = default)
    {
        var handler = new S3RequestHandler(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(S3StandIn).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var endpoint = new Uri(address);
        S3Log.Started(options.Logger, endpoint, handler.DataDirectory);
        return new S3StandInHost(app, endpoint, handler.DataDirectory);
    }
}
