using DataGateway.Node.Scoring;

namespace DataGateway.Node.Tests.Scoring;

/// <summary>The scorer cache stays within its bounds and never frees a value while a lease holds it.</summary>
public sealed class LeaseCacheTests
{
    [Fact]
    public void AnEvictedValue_IsDisposedOnlyWhenItsLastLeaseEnds()
    {
        var disposed = new List<string>();
        using var cache = new LeaseCache<string>(maxEntries: 1, maxCost: 100, disposed.Add);

        var first = cache.Acquire("a", () => ("A", 1));
        using (cache.Acquire("b", () => ("B", 1)))
        {
            Assert.Empty(disposed); // "a" is evicted but still leased
            first.Dispose();
            Assert.Equal(["A"], disposed);
        }

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TheCostBound_EvictsLeastRecentlyUsedFirst()
    {
        var disposed = new List<string>();
        using var cache = new LeaseCache<string>(maxEntries: 10, maxCost: 10, disposed.Add);
        cache.Acquire("a", () => ("A", 4)).Dispose();
        cache.Acquire("b", () => ("B", 4)).Dispose();
        cache.Acquire("a", () => throw new InvalidOperationException("built twice")).Dispose(); // a is now the most recent

        cache.Acquire("c", () => ("C", 4)).Dispose();

        Assert.Equal(["B"], disposed);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void AFailedBuild_CachesNothing_AndTheNextAcquireBuildsAgain()
    {
        using var cache = new LeaseCache<string>(4, 100, _ => { });

        Assert.Throws<InvalidOperationException>(() => cache.Acquire("a", () => throw new InvalidOperationException("refused")));
        Assert.Equal(0, cache.Count);

        using var lease = cache.Acquire("a", () => ("A", 1));
        Assert.Equal("A", lease.Value);
    }

    [Fact]
    public void ConcurrentFirstUse_BuildsOnce()
    {
        using var cache = new LeaseCache<string>(4, 100, _ => { });
        var builds = 0;

        // The first build waits until every thread has started asking, so the others ask while it runs.
        using var asking = new CountdownEvent(16);
        var threads = Enumerable.Range(0, 16).Select(_ => new Thread(() =>
        {
            asking.Signal();
            using var lease = cache.Acquire("a", () =>
            {
                Interlocked.Increment(ref builds);
                asking.Wait(TimeSpan.FromSeconds(10));
                return ("A", 1);
            });
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(1, builds);
    }
}
