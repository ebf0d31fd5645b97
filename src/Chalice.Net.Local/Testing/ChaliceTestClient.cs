using System.Text;
using Chalice.Gateway;
using Chalice.Gateway.Authorization;
using Chalice.Hosting;
using Chalice.Project.LocalTokens;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Testing;

/// <summary>
/// Calls an app in memory exactly as deployed code is called (Chalice's <c>chalice.test.Client</c>): each request
/// becomes the API Gateway event's JSON, goes through the dispatcher, and the proxy response is rendered with API
/// Gateway's rules.
/// </summary>
/// <example>
/// <code>
/// await using var client = ChaliceTestClient.Create&lt;App&gt;(services => services.AddSingleton&lt;IAmazonS3&gt;(fake));
/// var response = await client.GetAsync("/objects/a.json");
/// Assert.Equal(404, response.StatusCode);
/// </code>
/// </example>
public sealed class ChaliceTestClient : IAsyncDisposable
{
    private readonly bool _ownsApplication;

    // Made only for an app with a Cognito or JWT authorizer, as the emulator makes its key: an RSA key costs time.
    private readonly LocalSigningKey? _signingKey;

    /// <summary>The key that stands in for the app's user pools and JWT issuers (tests forge tokens with it); null without them.</summary>
    internal LocalSigningKey? SigningKey => _signingKey;
    private TestLambdaClient? _lambda;
    private EventBuilder? _events;

    /// <summary>A client for an app that is already running.</summary>
    public ChaliceTestClient(ChaliceApplication application, GatewayOptions? gateway = null)
        : this(application, gateway, ownsApplication: false)
    {
    }

    private ChaliceTestClient(ChaliceApplication application, GatewayOptions? gateway, bool ownsApplication)
    {
        Application = application;
        _signingKey = TokenAuthorizers.AnyIn(application.Definition.Authorizers) ? LocalSigningKey.Create() : null;
        // The app's own authorizers run in front of its routes; warnings (a route whose authorizer cannot run here) go
        // to standard error, where a test runner shows them.
        Gateway = new ApiGatewaySimulator(
            application.Routes, GatewayOptions.For(application.Definition, gateway), time: null,
            LocalAuthorizerFunctions.Of(application, message => Console.Error.WriteLine("warning: " + message), _signingKey));
        _ownsApplication = ownsApplication;
    }

    /// <summary>
    /// Starts <typeparamref name="TApp"/> for testing. <paramref name="configureServices"/> runs after the app's own
    /// <c>ConfigureServices</c>, so it can replace services with fakes.
    /// </summary>
    public static ChaliceTestClient Create<TApp>(Action<IServiceCollection>? configureServices = null, GatewayOptions? gateway = null)
        where TApp : IChaliceApp =>
        new(ChaliceApplication.Create<TApp>(new ChaliceApplicationOptions { ConfigureServices = configureServices }), gateway, ownsApplication: true);

    /// <summary>The app under test.</summary>
    public ChaliceApplication Application { get; }

    /// <summary>The emulated gateway in front of it.</summary>
    public ApiGatewaySimulator Gateway { get; }

    /// <summary>Invokes the app's functions by name (Chalice's <c>client.lambda_</c>).</summary>
    public TestLambdaClient Lambda => _lambda ??= new TestLambdaClient(Application);

    /// <summary>Builds the events AWS sends to functions (Chalice's <c>client.events</c>).</summary>
    public EventBuilder Events => _events ??= new EventBuilder();

    /// <summary>GET <paramref name="path"/> (which may carry a query string).</summary>
    public Task<TestResponse> GetAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync("GET", path, headers);

    /// <summary>POST a body; a JSON content type is assumed unless a Content-Type header is given.</summary>
    public Task<TestResponse> PostAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        SendAsync("POST", path, headers, body);

    /// <summary>PUT a body; a JSON content type is assumed unless a Content-Type header is given.</summary>
    public Task<TestResponse> PutAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        SendAsync("PUT", path, headers, body);

    /// <summary>PATCH a body; a JSON content type is assumed unless a Content-Type header is given.</summary>
    public Task<TestResponse> PatchAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        SendAsync("PATCH", path, headers, body);

    /// <summary>DELETE <paramref name="path"/>.</summary>
    public Task<TestResponse> DeleteAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        SendAsync("DELETE", path, headers, body);

    /// <summary>HEAD <paramref name="path"/>.</summary>
    public Task<TestResponse> HeadAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync("HEAD", path, headers);

    /// <summary>OPTIONS <paramref name="path"/> (a CORS preflight when the route has CORS).</summary>
    public Task<TestResponse> OptionsAsync(string path, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync("OPTIONS", path, headers);

    /// <summary>Sends a request with a text body.</summary>
    public Task<TestResponse> SendAsync(string method, string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        SendAsync(method, path, headers, body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body));

    /// <summary>Sends a request with a binary body.</summary>
    public async Task<TestResponse> SendAsync(
        string method, string path, IEnumerable<KeyValuePair<string, string>>? headers, ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(method, path, headers, body);
        var response = await Gateway.HandleAsync(
            request,
            (eventJson, ct) => Application.Dispatcher.DispatchAsync(eventJson, lambdaContext: null, ct),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new TestResponse(response);
    }

    /// <summary>The JSON event the gateway would send to the function for this request; null for an unknown route.</summary>
    public byte[]? CreateEventJson(string method, string path, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null) =>
        Gateway.CreateEventJson(CreateRequest(method, path, headers, body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body)));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _signingKey?.Dispose();
        return _ownsApplication ? Application.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <summary>
    /// A token this client's gateway accepts for the app's Cognito user pool or JWT authorizer <paramref name="authorizer"/>
    /// (what <c>chalice-net token</c> prints for the emulator): for a user pool an ID token of <paramref name="user"/> in
    /// <paramref name="groups"/>, for a JWT authorizer a token of its issuer for its first audience. <paramref name="claims"/>
    /// are added and win over the usual ones (an integer or <c>true</c>/<c>false</c> becomes a number or a boolean).
    /// </summary>
    /// <exception cref="ArgumentException">The app declares no such authorizer, or it takes no token.</exception>
    public string CreateToken(
        string authorizer, string user, IEnumerable<string>? groups = null, IEnumerable<KeyValuePair<string, string>>? claims = null,
        TimeSpan? lifetime = null)
    {
        var declared = Application.Definition.Authorizers.FirstOrDefault(a => a.Name == authorizer)
            ?? throw new ArgumentException($"The app declares no authorizer '{authorizer}'.", nameof(authorizer));
        // IssuerOf refuses an authorizer that takes no token; with one that does, the key exists.
        return TokenAuthorizers.IssuerOf(declared).Issue(
            _signingKey!, user, groups?.ToArray() ?? [], claims?.ToArray() ?? [], lifetime ?? TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
    }

    private static GatewayRequest CreateRequest(string method, string path, IEnumerable<KeyValuePair<string, string>>? headers, ReadOnlyMemory<byte> body)
    {
        path = AsSentOverHttp(path);
        var query = path.IndexOf('?');
        var list = new List<KeyValuePair<string, string>> { new("Host", "localhost") };
        if (headers is not null)
            list.AddRange(headers);
        if (!body.IsEmpty && !list.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            list.Add(new("Content-Type", "application/json"));
        return new GatewayRequest(
            method.ToUpperInvariant(),
            query < 0 ? path : path[..query],
            query < 0 ? "" : path[(query + 1)..],
            list,
            body);
    }

    /// <summary>
    /// The request target an HTTP client sends for <paramref name="pathAndQuery"/>: the fragment dropped, and every
    /// character a URL cannot carry as is (a space, non-ASCII letters, quotes, ...) percent-encoded as UTF-8, while
    /// escapes already there stay as written. So <c>GetAsync("/files/café au lait")</c> reaches the gateway as
    /// <c>/files/caf%C3%A9%20au%20lait</c>, exactly as over the wire.
    /// </summary>
    private static string AsSentOverHttp(string pathAndQuery)
    {
        var fragment = pathAndQuery.IndexOf('#');
        if (fragment >= 0)
            pathAndQuery = pathAndQuery[..fragment];
        var builder = new StringBuilder(pathAndQuery.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in pathAndQuery.EnumerateRunes())
        {
            if (rune.IsAscii && IsSentAsIs((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    // RFC 3986's unreserved characters, the delimiters a path and query use, and '%' (an escape the caller wrote).
    private static bool IsSentAsIs(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?%".Contains(c);
}
