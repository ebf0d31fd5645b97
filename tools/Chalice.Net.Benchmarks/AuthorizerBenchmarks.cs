using BenchmarkDotNet.Attributes;
using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Testing;

namespace Chalice.Benchmarks;

/// <summary>
/// What a built-in authorizer adds to a local request when its answer is cached (API Gateway's TTL cache, the common
/// case): reading the identity source, the cache lookup, evaluating the cached policy against the method ARN and
/// writing the context into the event. The same handler is served without an authorizer as the baseline. A Cognito
/// user pool authorizer has no cache to hit: every request's token is parsed and its RS256 signature verified. Behind an
/// HTTP API (payload 2.0), a simple-response authorizer's cached answer against the same handler without one.
/// </summary>
[MemoryDiagnoser]
public class AuthorizerBenchmarks
{
    private static readonly KeyValuePair<string, string>[] s_token = [new("Authorization", "allow")];
    private static readonly KeyValuePair<string, string>[] s_key = [new("X-Key", "open-sesame")];

    private KeyValuePair<string, string>[] _idToken = null!;
    private ChaliceApplication _app = null!;
    private ChaliceTestClient _client = null!;
    private ChaliceTestClient _httpApi = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = ChaliceApplication.Create<Chalice.AuthApp.App>();
        _client = new ChaliceTestClient(_app);
        // Fills the cache: every measured request is a cache hit.
        var first = _client.GetAsync("/orders", s_token).GetAwaiter().GetResult();
        if (first.StatusCode != 200)
            throw new InvalidOperationException($"GET /orders answered {first}.");
        _idToken = [new("Authorization", _client.CreateToken("users", "alice", groups: ["admin"]))];
        var profile = _client.GetAsync("/profile", _idToken).GetAwaiter().GetResult();
        if (profile.StatusCode != 200)
            throw new InvalidOperationException($"GET /profile answered {profile}.");
        _httpApi = new ChaliceTestClient(_app, new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 });
        var keyed = _httpApi.GetAsync("/keys", s_key).GetAwaiter().GetResult();
        if (keyed.StatusCode != 200)
            throw new InvalidOperationException($"GET /keys answered {keyed}.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _httpApi.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<TestResponse> WithoutAuthorizer() => _client.GetAsync("/open/orders", s_token);

    [Benchmark]
    public Task<TestResponse> AuthorizerCacheHit() => _client.GetAsync("/orders", s_token);

    [Benchmark]
    public Task<TestResponse> CognitoTokenVerified() => _client.GetAsync("/profile", _idToken);

    [Benchmark]
    public Task<TestResponse> HttpApiWithoutAuthorizer() => _httpApi.GetAsync("/open/orders", s_key);

    [Benchmark]
    public Task<TestResponse> HttpApiSimpleResponseCacheHit() => _httpApi.GetAsync("/keys", s_key);
}
