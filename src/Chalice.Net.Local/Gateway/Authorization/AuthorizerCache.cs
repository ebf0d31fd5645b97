using System.Collections.Concurrent;
using Chalice.Events;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// API Gateway's authorizer cache: an authorizer's policy kept per identity (its identity source values) for its TTL,
/// and evaluated again for each request it serves, as API Gateway evaluates the cached policy against each method
/// (https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors). Only policies are cached: a failure
/// or an <c>Unauthorized</c> answer calls the authorizer again next time.
/// </summary>
internal sealed class AuthorizerCache(TimeProvider time)
{
    // A local gateway serves one developer: the bound only stops a client that sends endless distinct tokens from
    // growing the cache without end.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiGatewayAuthorizerResponse Policy, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached policy for an identity, or null when there is none or it expired.</summary>
    public ApiGatewayAuthorizerResponse? Find(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (time.GetUtcNow() < entry.Expires)
            return entry.Policy;
        _entries.TryRemove(new KeyValuePair<string, (ApiGatewayAuthorizerResponse, DateTimeOffset)>(key, entry));
        return null;
    }

    /// <summary>Keeps <paramref name="policy"/> for <paramref name="ttlSeconds"/> (nothing is kept for 0).</summary>
    public void Add(string key, ApiGatewayAuthorizerResponse policy, int ttlSeconds)
    {
        if (ttlSeconds <= 0)
            return;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[key] = (policy, time.GetUtcNow().AddSeconds(ttlSeconds));
    }

    /// <summary>The key of an identity: the authorizer and its identity source values.</summary>
    public static string Key(string authorizer, IReadOnlyList<string> identity) => authorizer + "\n" + string.Join("\n", identity);
}
