using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Tests.Support;

namespace DataGateway.Privacy.Tests.Noise;

/// <summary>RELIABILITY.md D10: noise is drawn ahead off the request path, refilled, and counted when it is not.</summary>
public sealed class NoisePoolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Rational Scale = new(5, 2);

    [Fact]
    public void NextDiscreteLaplace_ServesFromPool_WhenPrimed()
    {
        using var pool = new NoisePool(new SplitMix64RandomBits(401), new NoisePoolOptions { CapacityPerScale = 256 });
        pool.Prime(Scale);
        Assert.True(SpinWait.SpinUntil(() => pool.Available(Scale) == 256, Patience));

        for (var i = 0; i < 100; i++)
        {
            _ = pool.NextDiscreteLaplace(Scale);
        }

        Assert.Equal(0, pool.SynchronousDraws);
    }

    [Fact]
    public void Pool_RefillsToCapacity_AfterBeingDrained()
    {
        using var pool = new NoisePool(new SplitMix64RandomBits(402), new NoisePoolOptions { CapacityPerScale = 64 });
        pool.Prime(Scale);
        Assert.True(SpinWait.SpinUntil(() => pool.Available(Scale) == 64, Patience));

        for (var i = 0; i < 200; i++)
        {
            _ = pool.NextDiscreteLaplace(Scale);
        }

        Assert.True(SpinWait.SpinUntil(() => pool.Available(Scale) == 64, Patience));
    }

    [Fact]
    public void NextDiscreteLaplace_DrawsSynchronouslyAndCounts_WhenScaleCannotBePooled()
    {
        using var pool = new NoisePool(new SplitMix64RandomBits(403), new NoisePoolOptions { CapacityPerScale = 16, MaxScales = 1 });
        pool.Prime(Scale);
        var other = new Rational(7, 1);

        for (var i = 0; i < 5; i++)
        {
            _ = pool.NextDiscreteLaplace(other);
        }

        Assert.Equal(5, pool.SynchronousDraws);
        Assert.Equal(0, pool.Available(other));
    }

    [Fact]
    public void NextDiscreteLaplace_FollowsExactPmf_WhenServedThroughThePool()
    {
        // Pooled samples are the sampler's samples, each handed out once: the GoF test still passes.
        using var pool = new NoisePool(new SplitMix64RandomBits(404), new NoisePoolOptions { CapacityPerScale = 1024 });
        var samples = Enumerable.Range(0, 100_000).Select(_ => (long)pool.NextDiscreteLaplace(Scale)).ToArray();

        var result = GoodnessOfFit.Run(samples, SymmetricPmf.DiscreteLaplace(2.5));
        Assert.True(result.Passes, result.ToString());
    }

    [Fact]
    public void Prime_Throws_WhenScaleIsZero()
    {
        using var pool = new NoisePool(new SplitMix64RandomBits(405));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Prime(new Rational(0, 1)));
    }

    [Fact]
    public void Dispose_StopsRefilling_AndIsIdempotent()
    {
        var pool = new NoisePool(new SplitMix64RandomBits(406), new NoisePoolOptions { CapacityPerScale = 8 });
        pool.Prime(Scale);
        pool.Dispose();
        pool.Dispose();
        var before = pool.Available(Scale);

        _ = pool.NextDiscreteLaplace(Scale); // still answers after disposal, from the pool or synchronously

        Assert.True(pool.Available(Scale) <= before);
    }
}
