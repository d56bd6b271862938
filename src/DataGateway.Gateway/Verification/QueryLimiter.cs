using System.Collections.Concurrent;
using DataGateway.Core.Problems;

namespace DataGateway.Gateway.Verification;

/// <summary>
/// Step 4: per (institution, subject, predicate) query limits in fixed periods. Counts live in
/// memory and are rebuilt at start from the audit log's allowed entries, so the log stays
/// the one durable record and a restart never resets a limit.
/// </summary>
/// <remarks>
/// Limits are what stop a bank from bisecting an exact value out of yes/no answers
/// (RELIABILITY.md V1): with a coarse parameter grid and N answers per period, the inferred
/// interval is never finer than one grid bucket.
/// </remarks>
internal sealed class QueryLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<Key, int> _counts = new();
    private long _sweptPeriod = -1;

    /// <summary>
    /// Reserves one query of each predicate; all or nothing. Throws 429 with Retry-After when
    /// any predicate is at its limit.
    /// </summary>
    public void Reserve(string institution, string subject, IReadOnlyList<string> predicates, int limit, TimeSpan period)
    {
        var now = time.GetUtcNow();
        var periodIndex = PeriodIndex(now, period);
        SweepOldPeriods(periodIndex);
        for (var i = 0; i < predicates.Count; i++)
        {
            var key = new Key(institution, subject, predicates[i], periodIndex);
            if (_counts.AddOrUpdate(key, 1, static (_, count) => count + 1) > limit)
            {
                for (var j = 0; j <= i; j++)
                {
                    _counts.AddOrUpdate(new Key(institution, subject, predicates[j], periodIndex), 0, static (_, count) => count - 1);
                }

                var nextPeriod = DateTimeOffset.UnixEpoch + (period * (periodIndex + 1));
                throw new AdmissionException(ProblemCodes.QueryLimitExceeded, retryAfter: nextPeriod - now);
            }
        }
    }

    /// <summary>Gives back one query of each predicate reserved in this period (a later limit of the same request refused).</summary>
    public void Release(string institution, string subject, IReadOnlyList<string> predicates, TimeSpan period)
    {
        var periodIndex = PeriodIndex(time.GetUtcNow(), period);
        foreach (var predicate in predicates)
        {
            _counts.AddOrUpdate(new Key(institution, subject, predicate, periodIndex), 0, static (_, count) => Math.Max(0, count - 1));
        }
    }

    /// <summary>Counts a past allowed query when rebuilding from the audit log.</summary>
    public void Replay(string institution, string subject, IReadOnlyList<string> predicates, DateTimeOffset at, TimeSpan period)
    {
        var periodIndex = PeriodIndex(at, period);
        foreach (var predicate in predicates)
        {
            _counts.AddOrUpdate(new Key(institution, subject, predicate, periodIndex), 1, static (_, count) => count + 1);
        }
    }

    /// <summary>The start of the period containing <paramref name="at"/>.</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset at, TimeSpan period) =>
        DateTimeOffset.UnixEpoch + (period * PeriodIndex(at, period));

    private static long PeriodIndex(DateTimeOffset at, TimeSpan period) => (at - DateTimeOffset.UnixEpoch).Ticks / period.Ticks;

    private void SweepOldPeriods(long current)
    {
        if (Interlocked.Exchange(ref _sweptPeriod, current) == current)
        {
            return;
        }

        foreach (var key in _counts.Keys)
        {
            if (key.Period < current)
            {
                _counts.TryRemove(key, out _);
            }
        }
    }

    private readonly record struct Key(string Institution, string Subject, string Predicate, long Period);
}
