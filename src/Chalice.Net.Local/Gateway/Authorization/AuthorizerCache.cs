using System.Collections.Concurrent;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// API Gateway's authorizer cache: an authorizer's answer kept per identity (its identity source values) for its TTL,
/// and evaluated again for each request it serves, as API Gateway evaluates the cached policy against each method
/// (https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors). Only answers are cached: a failure
/// or an <c>Unauthorized</c> answer calls the authorizer again next time.
/// </summary>
internal sealed class AuthorizerCache(TimeProvider time)
{
    // A local gateway serves one developer: the bound only stops a client that sends endless distinct tokens from
    // growing the cache without end.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (AuthorizerAnswer Answer, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached answer for an identity, or null when there is none or it expired.</summary>
    public AuthorizerAnswer? Find(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (time.GetUtcNow() < entry.Expires)
            return entry.Answer;
        _entries.TryRemove(new KeyValuePair<string, (AuthorizerAnswer, DateTimeOffset)>(key, entry));
        return null;
    }

    /// <summary>Keeps <paramref name="answer"/> for <paramref name="ttlSeconds"/> (nothing is kept for 0).</summary>
    public void Add(string key, AuthorizerAnswer answer, int ttlSeconds)
    {
        if (ttlSeconds <= 0)
            return;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[key] = (answer, time.GetUtcNow().AddSeconds(ttlSeconds));
    }

    /// <summary>The key of an identity: the authorizer and its identity source values.</summary>
    public static string Key(string authorizer, IReadOnlyList<string> identity) => authorizer + "\n" + string.Join("\n", identity);
}
