using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Tests.Support;

namespace DataGateway.Privacy.Tests.Mechanisms;

/// <summary>RELIABILITY.md D6: no group with a true count below the floor is ever released.</summary>
public sealed class SuppressionFloorTests
{
    private const long Floor = 8;
    private static readonly int Datasets = Tier.Pick(100_000, 1_000_000);
    private static readonly long[] EpsilonChoices = [10_000, 100_000, 1_000_000, 10_000_000];

    [Fact]
    public void Release_NeverHappens_WhenTrueCountIsBelowFloor()
    {
        var (releasedBelowFloor, releasedAtOrAbove, suppressedAtOrAbove) = Run(new SuppressionRule(10, Floor), seed: 201);

        Assert.Equal(0, releasedBelowFloor);
        // Above the floor the decision is on the noisy count: both outcomes occur.
        Assert.True(releasedAtOrAbove > 0);
        Assert.True(suppressedAtOrAbove > 0);
    }

    [Fact]
    public void Release_HappensBelowFloor_WhenOnlyNoisyThresholdApplies()
    {
        // Control: without the hard floor, noise alone lets small groups through, so the test above has teeth.
        var (releasedBelowFloor, _, _) = Run(new SuppressionRule(10, 0), seed: 202);

        Assert.True(releasedBelowFloor > 0);
    }

    [Theory]
    [InlineData(Floor - 1, true)]
    [InlineData(Floor, false)]
    [InlineData(Floor + 1, false)]
    public void Suppresses_UsesTrueCountFloor_AtTheBoundary(long trueCount, bool suppressed) =>
        Assert.Equal(suppressed, new SuppressionRule(Floor, Floor).Suppresses(trueCount, noisyCount: 1_000));

    private static (int BelowFloor, int ReleasedAbove, int SuppressedAbove) Run(SuppressionRule rule, ulong seed)
    {
        var bits = new SplitMix64RandomBits(seed);
        var mechanism = new AggregateMechanism(new DirectNoiseSource(bits));
        var bounds = new ContributionBounds(-50, 100);
        var scenario = new SplitMix64RandomBits(seed + 1);
        int belowFloor = 0, releasedAbove = 0, suppressedAbove = 0;
        for (var i = 0; i < Datasets; i++)
        {
            var size = (int)(scenario.NextUInt64() % 25);
            var values = Enumerable.Range(0, size).Select(_ => (long)(scenario.NextUInt64() % 400) - 200);
            var partial = PartialAggregate.Of(values, bounds);
            var epsilon = Epsilon.FromMicroUnits(EpsilonChoices[scenario.NextUInt64() % (ulong)EpsilonChoices.Length]);
            var answer = (scenario.NextUInt64() % 3) switch
            {
                0 => mechanism.Count(partial.Count, epsilon, rule),
                1 => mechanism.Sum(partial, bounds, epsilon, rule),
                _ => mechanism.Mean(partial, bounds, epsilon, rule),
            };

            Assert.Equal(answer.Suppressed, answer.Value is null); // same shape either way
            if (!answer.Suppressed && partial.Count < Floor)
            {
                belowFloor++;
            }
            else if (partial.Count >= Floor)
            {
                _ = answer.Suppressed ? suppressedAbove++ : releasedAbove++;
            }
        }

        return (belowFloor, releasedAbove, suppressedAbove);
    }
}
