using System.Numerics;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Sampling;
using MathNet.Numerics.Distributions;

namespace DataGateway.Privacy.Tests.Sampling;

public sealed class BernoulliAndUniformTests
{
    private const int Trials = 200_000;
    private static readonly double ZCritical = Normal.InvCDF(0, 1, 1 - 0.5e-6);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 1)]
    public void Exp_SucceedsWithProbabilityExpMinusGamma(long numerator, long denominator)
    {
        var bits = new SplitMix64RandomBits(61);
        var gamma = new Rational(numerator, denominator);
        var successes = Enumerable.Range(0, Trials).Count(_ => BernoulliSampler.Exp(bits, gamma));

        var p = Math.Exp(-(double)numerator / denominator);
        if (numerator == 0)
        {
            Assert.Equal(Trials, successes);
            return;
        }

        var z = (successes - (Trials * p)) / Math.Sqrt(Trials * p * (1 - p));
        Assert.True(Math.Abs(z) <= ZCritical, $"z={z:F2} for p={p}");
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(5UL)]
    [InlineData(1000UL)]
    public void Below_IsUniform_WhenBoundIsNotAPowerOfTwo(ulong bound)
    {
        var bits = new SplitMix64RandomBits(62);
        var counts = new long[bound];
        for (var i = 0; i < Trials; i++)
        {
            counts[UniformSampler.Below(bits, bound)]++;
        }

        var expected = (double)Trials / bound;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare <= ChiSquared.InvCDF(bound - 1, 1 - 1e-6), $"χ²={chiSquare:F1}");
    }

    [Fact]
    public void Below_StaysBelowBoundAndCoversTopHalf_WhenBoundNeedsBigInteger()
    {
        // 3·2⁹⁹: a modulo reduction would over-weight the low third; rejection must not.
        var bound = 3 * BigInteger.Pow(2, 99);
        var bits = new SplitMix64RandomBits(63);
        var draws = Enumerable.Range(0, 30_000).Select(_ => UniformSampler.Below(bits, bound)).ToArray();

        Assert.All(draws, d => Assert.InRange(d, BigInteger.Zero, bound - 1));
        var lowThird = draws.Count(d => d < BigInteger.Pow(2, 99));
        Assert.InRange(lowThird, 9_400, 10_600);
    }

    [Fact]
    public void SecureRandomBits_ProducesDistinctWords_AcrossBufferRefills()
    {
        var bits = new SecureRandomBits();
        var words = Enumerable.Range(0, 2_000).Select(_ => bits.NextUInt64()).ToHashSet();
        Assert.Equal(2_000, words.Count);
    }

    [Fact]
    public void SplitMix64_IsReproducible_ForTheSameSeed()
    {
        var a = new SplitMix64RandomBits(99);
        var b = new SplitMix64RandomBits(99);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextUInt64()), Enumerable.Range(0, 10).Select(_ => b.NextUInt64()));
    }
}
