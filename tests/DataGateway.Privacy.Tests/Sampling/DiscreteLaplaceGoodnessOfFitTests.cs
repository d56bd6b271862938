using System.Numerics;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Sampling;
using DataGateway.Privacy.Tests.Support;

namespace DataGateway.Privacy.Tests.Sampling;

/// <summary>RELIABILITY.md D3: the exact sampler matches the discrete Laplace pmf; a halved scale does not.</summary>
public sealed class DiscreteLaplaceGoodnessOfFitTests
{
    private static readonly int SampleCount = Tier.Pick(200_000, 1_000_000);

    [Theory]
    [InlineData(1, 1, 11UL)]
    [InlineData(3, 2, 12UL)]
    [InlineData(10, 1, 13UL)]
    [InlineData(7, 3, 14UL)]
    public void Sample_MatchesExactPmf_WhenScaleIsRational(long numerator, long denominator, ulong seed)
    {
        var scale = new Rational(numerator, denominator);

        var result = GoodnessOfFit.Run(Draw(scale, seed), SymmetricPmf.DiscreteLaplace((double)numerator / denominator));

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.True(result.Passes, $"seed {seed}: {result}");
    }

    [Theory]
    [InlineData(10, 1, 21UL)]
    [InlineData(3, 2, 22UL)]
    public void GoodnessOfFit_Rejects_WhenSamplerUsesHalfTheScale(long numerator, long denominator, ulong seed)
    {
        // Negative control: a sampler with the scale divided by 2 must fail the same test.
        var broken = new Rational(numerator, denominator * 2);

        var result = GoodnessOfFit.Run(Draw(broken, seed), SymmetricPmf.DiscreteLaplace((double)numerator / denominator));

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.False(result.ChiSquarePasses, $"seed {seed}: {result}");
        Assert.False(result.MomentsPass, $"seed {seed}: {result}");
    }

    [Fact]
    public void Sample_IsSymmetricAndUnbiased_WhenScaleIsHuge()
    {
        // A scale beyond 2⁶⁴ exercises the BigInteger uniform path; P[|X| < t/10⁶] is tiny, so
        // nearly every sample must be large, and both signs must appear.
        var scale = new Rational(BigInteger.Pow(10, 24), 7);
        var bits = new SplitMix64RandomBits(31);
        var samples = Enumerable.Range(0, 2000).Select(_ => DiscreteLaplaceSampler.Sample(bits, scale)).ToArray();

        Assert.InRange(samples.Count(s => s.Sign > 0), 850, 1150);
        Assert.True(samples.Count(s => BigInteger.Abs(s) < BigInteger.Pow(10, 17)) < 20);
    }

    private static long[] Draw(Rational scale, ulong seed)
    {
        var bits = new SplitMix64RandomBits(seed);
        var samples = new long[SampleCount];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (long)DiscreteLaplaceSampler.Sample(bits, scale);
        }

        return samples;
    }
}
