using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Tests.Support;

namespace DataGateway.Privacy.Tests.Mechanisms;

/// <summary>
/// RELIABILITY.md D4: on neighbouring datasets the mechanisms pass the empirical DP test at their
/// ε, and the same mechanisms with half the noise (or the sensitivity ignored) fail it.
/// </summary>
public sealed class EmpiricalDpTests
{
    // Sampling error of one bin at n = 2·10⁵ is at most ≈ 0.0026 here; 0.015 is about 6σ.
    private const double Tolerance = 0.015;
    private static readonly int Samples = Tier.Pick(200_000, 1_000_000);
    private static readonly int Votes = Tier.Pick(3, 9);
    private static readonly SuppressionRule NoSuppression = new(0, 0);

    [Fact]
    public void Count_PassesAtEpsilon_WhenNoiseIsCorrect() =>
        Assert.True(CountBallot(noiseDivisor: 1, seed: 101));

    [Fact]
    public void Count_FailsAtEpsilon_WhenNoiseIsHalved() =>
        Assert.False(CountBallot(noiseDivisor: 2, seed: 102));

    [Fact]
    public void Sum_SumPartPassesAtHalfEpsilon_WhenValuesAreNearLongMax() =>
        Assert.True(SumBallot(noiseDivisor: 1, seed: 103));

    [Fact]
    public void Sum_FailsAtHalfEpsilon_WhenNoiseIsHalved() =>
        Assert.False(SumBallot(noiseDivisor: 2, seed: 104));

    [Fact]
    public void Sum_FailsAtHalfEpsilon_WhenSensitivityIsIgnored() =>
        Assert.False(SumBallot(noiseDivisor: Bound, seed: 105));

    [Fact]
    public void Mean_PassesAtEpsilon_WhenNoiseIsCorrect() =>
        Assert.True(MeanBallot(noiseDivisor: 1, seed: 106));

    [Fact]
    public void Mean_FailsAtEpsilon_WhenSensitivityIsIgnored() =>
        Assert.False(MeanBallot(noiseDivisor: Bound, seed: 107));

    private const long Bound = 1L << 40;

    private static bool CountBallot(long noiseDivisor, ulong seed)
    {
        var epsilon = Epsilon.FromMicroUnits(Epsilon.MicroUnitsPerUnit); // ε = 1
        var mechanism = Mechanism(noiseDivisor, seed);
        long Release(long count) => (long)mechanism.Count(count, epsilon, NoSuppression).Value.GetValueOrDefault(long.MinValue);
        return EmpiricalDp.Ballot(Votes, _ => EmpiricalDp.Vote(
            () => Release(50), () => Release(51), x => x, epsilon: 1.0, delta: 0, Tolerance, Samples));
    }

    private static bool SumBallot(long noiseDivisor, ulong seed)
    {
        // ε = 1 split in half: the released sum alone must be (ε/2)-DP, which is the tight claim to test.
        var epsilon = Epsilon.FromMicroUnits(Epsilon.MicroUnitsPerUnit);
        var bounds = new ContributionBounds(0, Bound);
        var d = PartialAggregate.Of(Enumerable.Repeat(long.MaxValue - 7, 1000), bounds);
        var neighbour = d.Add(long.MaxValue, bounds); // one more record at the int64 edge, clamped to Bound
        var mechanism = Mechanism(noiseDivisor, seed);
        long Release(PartialAggregate partial) =>
            (long)mechanism.Sum(partial, bounds, epsilon, NoSuppression).Value.GetValueOrDefault(long.MinValue);
        // Bins one sensitivity wide, anchored at D's true sum: fixed before sampling.
        long Bin(long value) => value == long.MinValue ? long.MinValue : (long)Math.Floor((value - (double)d.ClampedSum) / Bound);
        return EmpiricalDp.Ballot(Votes, _ => EmpiricalDp.Vote(
            () => Release(d), () => Release(neighbour), Bin, epsilon: 0.5, delta: 0, Tolerance, Samples));
    }

    private static bool MeanBallot(long noiseDivisor, ulong seed)
    {
        // The mean is noisy sum over noisy count with ε split in half; the whole release is ε-DP.
        // Halving the noise stays within ε here (a mean of 200 records hides one record well),
        // so the negative control ignores the sensitivity instead, as D4 allows.
        var epsilon = Epsilon.FromMicroUnits(Epsilon.MicroUnitsPerUnit);
        var bounds = new ContributionBounds(0, Bound);
        var d = PartialAggregate.Of(Enumerable.Repeat(Bound / 2, 200), bounds);
        var neighbour = d.Add(long.MaxValue, bounds);
        var mechanism = Mechanism(noiseDivisor, seed);
        double Release(PartialAggregate partial) =>
            (double)(mechanism.Mean(partial, bounds, epsilon, NoSuppression).Value ?? -1m);
        // Bins of width Bound/100 (the mean's noise scale) anchored at D's true mean, fixed in advance.
        long Bin(double value) => value < 0 ? long.MinValue : (long)Math.Floor((value - (Bound / 2)) / (Bound / 100));
        return EmpiricalDp.Ballot(Votes, _ => EmpiricalDp.Vote(
            () => Bin(Release(d)), () => Bin(Release(neighbour)), x => x, epsilon: 1.0, delta: 0, Tolerance, Samples));
    }

    private static AggregateMechanism Mechanism(long noiseDivisor, ulong seed)
    {
        INoiseSource noise = new DirectNoiseSource(new SplitMix64RandomBits(seed));
        return new AggregateMechanism(noiseDivisor == 1 ? noise : new ScaledNoiseSource(noise, noiseDivisor));
    }
}
