using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local.Sns;

/// <summary>
/// A local stand-in for Amazon SNS that unmodified AWS SDK and CLI code can talk to (<c>AWS_ENDPOINT_URL_SNS</c>),
/// delivering to the local SQS stand-in's queues and to the app's SNS handler functions.
/// </summary>
public static class SnsStandIn
{
    /// <summary>Starts the stand-in on a loopback port, on the same bare host as the other stand-ins.</summary>
    public static async Task<SnsStandInHost> StartAsync(SnsStandInOptions options, CancellationToken cancellationToken = default)
    {
        var handler = new SnsRequestHandler(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SnsStandIn).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);

        var endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        SnsLog.Started(options.Logger, endpoint, handler.DataDirectory);
        return new SnsStandInHost(app, handler, endpoint);
    }
}
