using System.Numerics;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;

namespace DataGateway.Privacy.Tests.Mechanisms;

public sealed class AggregateMechanismTests
{
    private static readonly SuppressionRule Rule = new(10, 5);

    [Theory]
    [InlineData(1, 100_000, 10, 1)]          // count at ε = 0.1 → t = 10
    [InlineData(1000, 500_000, 2000, 1)]     // Δ = 1000 at ε = 0.5 → t = 2000
    [InlineData(1, 3, 1_000_000, 3)]         // ε = 3·10⁻⁶ → t = 10⁶/3, exact
    public void Scale_IsSensitivityOverEpsilon_Exactly(long sensitivity, long micro, long numerator, long denominator) =>
        Assert.Equal(new Rational(numerator, denominator), AggregateMechanism.Scale(sensitivity, Epsilon.FromMicroUnits(micro)));

    [Fact]
    public void Sum_UsesSensitivityOfLongMinValue_WithoutOverflow()
    {
        var bounds = new ContributionBounds(long.MinValue, 0);
        Assert.Equal(BigInteger.Pow(2, 63), bounds.SumSensitivity);
        Assert.Equal(long.MinValue, bounds.Clamp(long.MinValue));
    }

    [Fact]
    public void PartialAggregate_ClampsBeforeAdding_AndCombinesAcrossNodes()
    {
        var bounds = new ContributionBounds(-10, 100);
        var a = PartialAggregate.Of([long.MaxValue, long.MinValue, 5], bounds);
        var b = PartialAggregate.Of([1000, 50], bounds);

        Assert.Equal(new PartialAggregate(3, 95), a);
        Assert.Equal(new PartialAggregate(5, 245), a.Combine(b));
    }

    [Fact]
    public void PartialAggregate_DoesNotOverflow_WithManyExtremeValues()
    {
        var bounds = new ContributionBounds(long.MinValue, long.MaxValue);
        var partial = PartialAggregate.Of(Enumerable.Repeat(long.MaxValue, 10_000), bounds);
        Assert.Equal((Int128)long.MaxValue * 10_000, partial.ClampedSum);
    }

    [Fact]
    public void Mean_IsClampedToBounds_AndReleasedWithFixedDecimals()
    {
        var mechanism = new AggregateMechanism(new DirectNoiseSource(new SplitMix64RandomBits(501)));
        var bounds = new ContributionBounds(0, 100);
        var partial = PartialAggregate.Of(Enumerable.Repeat(100L, 50), bounds);

        for (var i = 0; i < 200; i++)
        {
            var answer = mechanism.Mean(partial, bounds, Epsilon.FromMicroUnits(200_000), Rule);
            Assert.False(answer.Suppressed);
            Assert.InRange(answer.Value!.Value, 0m, 100m);
            Assert.Equal(answer.Value.Value, decimal.Round(answer.Value.Value, AggregateMechanism.MeanDecimals));
        }
    }

    [Fact]
    public void Mean_IsNearTrueMean_WhenEpsilonIsLarge()
    {
        var mechanism = new AggregateMechanism(new DirectNoiseSource(new SplitMix64RandomBits(502)));
        var bounds = new ContributionBounds(0, 1000);
        var partial = PartialAggregate.Of(Enumerable.Range(0, 10_000).Select(i => (long)(i % 1001)), bounds);

        var answer = mechanism.Mean(partial, bounds, Epsilon.FromMicroUnits(100 * Epsilon.MicroUnitsPerUnit), Rule);

        Assert.InRange(answer.Value!.Value, 499m, 501m);
    }

    [Fact]
    public void SumAndMean_DrawTheSameNoise_WhetherSuppressedOrReleased()
    {
        // Suppressed and released groups must take the same path (D6, D10): count the draws.
        var counting = new CountingNoiseSource(new DirectNoiseSource(new SplitMix64RandomBits(503)));
        var mechanism = new AggregateMechanism(counting);
        var bounds = new ContributionBounds(0, 10);
        var epsilon = Epsilon.FromMicroUnits(1_000_000);

        var suppressed = mechanism.Sum(PartialAggregate.Of([1, 2], bounds), bounds, epsilon, Rule);
        var afterSuppressed = counting.Draws;
        var released = mechanism.Sum(PartialAggregate.Of(Enumerable.Repeat(3L, 100), bounds), bounds, epsilon, Rule);

        Assert.True(suppressed.Suppressed);
        Assert.Null(suppressed.Value);
        Assert.False(released.Suppressed);
        Assert.Equal(2, afterSuppressed);
        Assert.Equal(4, counting.Draws);
    }

    [Fact]
    public void Sum_Throws_WhenEpsilonCannotBeSplit()
    {
        var mechanism = new AggregateMechanism(new DirectNoiseSource(new SplitMix64RandomBits(504)));
        var bounds = new ContributionBounds(0, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => mechanism.Sum(PartialAggregate.Empty, bounds, Epsilon.MinValue, Rule));
    }

    [Fact]
    public void SuppressionRule_Throws_WhenFloorExceedsNoisyMinimum() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuppressionRule(5, 6));

    private sealed class CountingNoiseSource(INoiseSource inner) : INoiseSource
    {
        public int Draws { get; private set; }

        public BigInteger NextDiscreteLaplace(Rational scale)
        {
            Draws++;
            return inner.NextDiscreteLaplace(scale);
        }
    }
}
