using System.Text.Json.Nodes;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chalice.ServicesApp;

/// <summary>
/// Takes what the standard registrations provide in its constructor (a logger, options, the HTTP client factory, an
/// AWS client made by AddAWSService, a keyed service, every implementation of an interface) and in its handlers'
/// parameters ([FromServices] and [FromKeyedServices]).
/// </summary>
[ChaliceApp("servicesapp")]
public partial class App(
    ILogger<App> logger,
    IOptions<GreetingOptions> greeting,
    IHttpClientFactory httpClients,
    IAmazonS3 s3,
    [FromKeyedServices("primary")] IStore primaryStore,
    IEnumerable<INotifier> notifiers)
{
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddOptions();
        services.Configure<GreetingOptions>(options => options.Greeting = "Hello");
        services.AddHttpClient("catalog", client => client.BaseAddress = new Uri("https://catalog.example.com/v2/"));
        services.AddHttpClient<WeatherClient>(client => client.BaseAddress = new Uri("https://weather.example.com/"));
        // Lets the tests prove that a constructor service nobody registered stops the start with one clear line.
        if (Environment.GetEnvironmentVariable("SERVICESAPP_FORGET_S3") is null)
            services.AddAWSService<IAmazonS3>();
        services.AddKeyedSingleton<IStore>("primary", new NamedStore("primary"));
        services.AddKeyedSingleton<IStore>("archive", new NamedStore("archive"));
        services.AddSingleton<INotifier, EmailNotifier>();
        services.AddSingleton<INotifier, SmsNotifier>();
        services.AddScoped<InvocationId>();
    }

    [Route("/constructor")]
    public JsonObject Constructor() => new()
    {
        ["greeting"] = greeting.Value.Greeting,
        ["catalog"] = httpClients.CreateClient("catalog").BaseAddress?.ToString(),
        ["s3Region"] = s3.Config.RegionEndpoint?.SystemName,
        ["store"] = primaryStore.Name,
        ["notifiers"] = new JsonArray([.. notifiers.Select(n => JsonValue.Create(n.Channel))]),
    };

    [Route("/handler")]
    public JsonObject Handler(
        [FromServices] ILogger<App> handlerLogger,
        [FromServices] IOptionsSnapshot<GreetingOptions> snapshot,
        [FromServices] WeatherClient weather,
        [FromKeyedServices("archive")] IStore archive,
        [FromServices] IEnumerable<INotifier> allNotifiers,
        [FromServices] IAmazonS3 client)
    {
        LogHandled(handlerLogger, "handler");
        return new JsonObject
        {
            ["greeting"] = snapshot.Value.Greeting,
            ["weather"] = weather.BaseAddress,
            ["store"] = archive.Name,
            ["notifiers"] = allNotifiers.Count(),
            ["sameS3Client"] = ReferenceEquals(client, s3),
        };
    }

    /// <summary>A scoped service asked for twice in one invocation is one instance; the next invocation gets another.</summary>
    [Route("/scope")]
    public JsonObject Scope([FromServices] InvocationId first, [FromServices] InvocationId second, [FromServices] IServiceProvider services) => new()
    {
        ["first"] = first.Value.ToString(),
        ["same"] = ReferenceEquals(first, second) && ReferenceEquals(first, services.GetRequiredService<InvocationId>()),
    };

    [Route("/log/{message}")]
    public string Log(string message)
    {
        LogHandled(logger, message);
        return "logged";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Message}")]
    private static partial void LogHandled(ILogger logger, string message);
}
