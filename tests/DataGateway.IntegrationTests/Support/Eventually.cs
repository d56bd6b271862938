using System.Diagnostics;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// Waits for a state that another thread or process brings about (a background writer, a file watcher, a
/// child process), checking every 20 ms. The timeout only stops a broken test; a passing test waits no longer
/// than the state takes to appear.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly object Reached = new();

    /// <summary>
    /// Returns the first non-null value of <paramref name="probe"/>; fails naming <paramref name="what"/> after
    /// <paramref name="timeout"/>. <paramref name="eachSecond"/> runs after every second of waiting, e.g. to advance
    /// a fake clock the awaited state depends on.
    /// </summary>
    public static async Task<T> ValueAsync<T>(Func<T?> probe, TimeSpan timeout, string what, CancellationToken ct, Action? eachSecond = null)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        using var tick = new PeriodicTimer(Interval);
        for (var polls = 1; ; polls++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"{what}: not within {timeout.TotalSeconds:0} s");
            }

            await tick.WaitForNextTickAsync(ct);
            if (polls % (int)(TimeSpan.FromSeconds(1) / Interval) == 0)
            {
                eachSecond?.Invoke();
            }
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct, Action? eachSecond = null) =>
        ValueAsync(() => condition() ? Reached : null, timeout, what, ct, eachSecond);
}
