using System.Collections.Concurrent;

namespace DataGateway.Cryptography.Tickets;

/// <summary>
/// Remembers ticket ids until they expire so a node computes once per ticket. Bounded by
/// ticket lifetime: entries older than their expiry are swept on insert.
/// </summary>
public sealed class TicketReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>Records the id; false if it was already seen and has not expired.</summary>
    public bool TryAdd(string id, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (now.UtcTicks > Interlocked.Read(ref _nextSweepTicks))
        {
            Interlocked.Exchange(ref _nextSweepTicks, now.AddSeconds(5).UtcTicks);
            foreach (var (key, expiry) in _seen)
            {
                if (expiry < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return _seen.TryAdd(id, expiresAt.AddMinutes(1));
    }
}
