// Starts the S3 stand-in the way the emulator does and reports, in milliseconds:
//   start              S3StandIn.StartAsync alone
//   first 200          from StartAsync's return to the first 200 (a ListBuckets over a raw socket, so no client JIT)
//   start-to-first-200 the two together
// Modes (first argument):
//   alone  the stand-in is the first ASP.NET Core host in the process: it pays the whole cold start of Kestrel
//   beside another minimal Kestrel host starts first, as the emulator's own would, so only the stand-in's share shows
// Each mode then starts the stand-in a second time in the same process ("warm").
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chalice.Local.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

var mode = args.FirstOrDefault() ?? "alone";
var dataDirectory = Directory.CreateTempSubdirectory("s3-standin-startup-").FullName;
WebApplication? emulator = null;
try
{
    if (mode == "beside")
        emulator = await StartMinimalHostAsync();
    for (var run = 1; run <= 2; run++)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await S3StandIn.StartAsync(new S3StandInOptions { DataDirectory = dataDirectory });
        var started = clock.Elapsed;
        var status = await GetStatusLineAsync(host.Endpoint);
        var answered = clock.Elapsed;
        if (!status.Contains(" 200 ", StringComparison.Ordinal))
            throw new InvalidOperationException($"The stand-in answered '{status}'.");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode,-6} {(run == 1 ? "cold" : "warm")}: start {started.TotalMilliseconds,6:F1} ms, first 200 {(answered - started).TotalMilliseconds,6:F1} ms, start-to-first-200 {answered.TotalMilliseconds,6:F1} ms"));
    }
}
finally
{
    if (emulator is not null)
        await emulator.DisposeAsync();
    Directory.Delete(dataDirectory, recursive: true);
}

static async Task<WebApplication> StartMinimalHostAsync()
{
    var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
    builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
    var app = builder.Build();
    app.Run(context => context.Response.WriteAsync("emulator"));
    await app.StartAsync();
    return app;
}

static async Task<string> GetStatusLineAsync(Uri endpoint)
{
    using var client = new TcpClient();
    await client.ConnectAsync(endpoint.Host, endpoint.Port);
    await using var stream = client.GetStream();
    await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {endpoint.Authority}\r\nConnection: close\r\n\r\n"));
    var buffer = new byte[64];
    var read = await stream.ReadAsync(buffer);
    return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
}
