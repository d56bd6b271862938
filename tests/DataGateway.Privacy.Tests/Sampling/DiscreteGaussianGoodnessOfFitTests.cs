using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Sampling;
using DataGateway.Privacy.Tests.Support;

namespace DataGateway.Privacy.Tests.Sampling;

/// <summary>RELIABILITY.md D3: the exact sampler matches the discrete Gaussian pmf; a wrong σ² does not.</summary>
public sealed class DiscreteGaussianGoodnessOfFitTests
{
    private static readonly int SampleCount = Tier.Pick(200_000, 1_000_000);

    [Theory]
    [InlineData(1, 1, 41UL)]
    [InlineData(5, 2, 42UL)]
    [InlineData(30, 1, 43UL)]
    [InlineData(1, 4, 44UL)]
    public void Sample_MatchesExactPmf_WhenVarianceIsRational(long numerator, long denominator, ulong seed)
    {
        var result = GoodnessOfFit.Run(Draw(new Rational(numerator, denominator), seed), SymmetricPmf.DiscreteGaussian((double)numerator / denominator));

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.True(result.Passes, $"seed {seed}: {result}");
    }

    [Fact]
    public void GoodnessOfFit_Rejects_WhenSamplerUsesHalfTheStandardDeviation()
    {
        // Negative control: σ/2, i.e. σ²/4, must fail against the σ² = 30 pmf.
        var result = GoodnessOfFit.Run(Draw(new Rational(30, 4), 51), SymmetricPmf.DiscreteGaussian(30));

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.False(result.ChiSquarePasses, result.ToString());
        Assert.False(result.MomentsPass, result.ToString());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(99, 9)]
    [InlineData(100, 10)]
    public void IntegerSquareRoot_ReturnsFloor_WhenValueIsSmall(long value, long expected) =>
        Assert.Equal(expected, (long)DiscreteGaussianSampler.IntegerSquareRoot(value));

    [Fact]
    public void IntegerSquareRoot_ReturnsFloor_AroundLargeSquares()
    {
        var root = System.Numerics.BigInteger.Pow(10, 30) + 12345;
        Assert.Equal(root, DiscreteGaussianSampler.IntegerSquareRoot(root * root));
        Assert.Equal(root - 1, DiscreteGaussianSampler.IntegerSquareRoot((root * root) - 1));
        Assert.Equal(root, DiscreteGaussianSampler.IntegerSquareRoot((root * root) + (2 * root)));
    }

    private static long[] Draw(Rational sigmaSquared, ulong seed)
    {
        var bits = new SplitMix64RandomBits(seed);
        var samples = new long[SampleCount];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (long)DiscreteGaussianSampler.Sample(bits, sigmaSquared);
        }

        return samples;
    }
}
