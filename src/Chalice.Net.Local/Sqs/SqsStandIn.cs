using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local.Sqs;

/// <summary>
/// A local, file-backed stand-in for Amazon SQS that unmodified AWS SDK code can talk to: point the SDK at
/// <see cref="SqsStandInHost.Endpoint"/> (<c>AWS_ENDPOINT_URL_SQS</c>) with any credentials.
/// </summary>
public static class SqsStandIn
{
    /// <summary>Starts the stand-in on a loopback port, on the same bare host as the S3 stand-in.</summary>
    public static async Task<SqsStandInHost> StartAsync(SqsStandInOptions options, CancellationToken cancellationToken = default)
    {
        var handler = new SqsRequestHandler(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SqsStandIn).Assembly.GetName().Name,
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
        SqsLog.Started(options.Logger, endpoint, handler.DataDirectory);
        return new SqsStandInHost(app, handler, endpoint);
    }
}
