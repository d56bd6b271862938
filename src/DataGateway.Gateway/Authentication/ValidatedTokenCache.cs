using System.Collections.Concurrent;
using System.Security.Claims;

namespace DataGateway.Gateway.Authentication;

/// <summary>
/// Remembers tokens that passed full validation until they expire. An ES256 verify on every
/// request halves the gateway's throughput (measured, see the issue); a token that verified
/// once stays valid until its <c>exp</c>, so re-verifying it buys nothing.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time)
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string token, out ClaimsPrincipal? principal)
    {
        principal = null;
        if (!_entries.TryGetValue(token, out var entry))
        {
            return false;
        }

        if (time.GetUtcNow() >= entry.ValidUntil)
        {
            _entries.TryRemove(token, out _);
            return false;
        }

        principal = entry.Principal;
        return true;
    }

    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset validUntil)
    {
        if (_entries.Count >= Capacity)
        {
            // Simple and bounded: a flood of distinct tokens costs re-validation, never memory.
            _entries.Clear();
        }

        _entries[token] = new Entry(principal, validUntil);
    }

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidUntil);
}
