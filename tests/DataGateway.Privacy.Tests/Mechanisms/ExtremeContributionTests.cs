using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataGateway.Privacy.Tests.Mechanisms;

/// <summary>RELIABILITY.md D11: extreme values are clamped before aggregation and never make a mechanism throw.</summary>
public sealed class ExtremeContributionTests
{
    private static readonly long[] Extremes = [long.MinValue, long.MinValue + 1, -1, 0, 1, int.MaxValue, long.MaxValue - 1, long.MaxValue];

    [Property(MaxTest = 500)]
    public Property Mechanisms_NeverThrow_AndStayInShape_WhenValuesAreExtreme(long[] values, int pickLower, int pickUpper, PositiveInt micro, ulong seed)
    {
        var a = Extremes[(uint)pickLower % Extremes.Length];
        var b = Extremes[(uint)pickUpper % Extremes.Length];
        var bounds = new ContributionBounds(long.Min(a, b), long.Max(a, b));
        var data = (values ?? []).Concat(Extremes);
        var partial = PartialAggregate.Of(data, bounds);
        var epsilon = Epsilon.FromMicroUnits(2 + (micro.Get % 10_000_000));
        var mechanism = new AggregateMechanism(new DirectNoiseSource(new SplitMix64RandomBits(seed)));
        var rule = new SuppressionRule(0, 0);

        var count = mechanism.Count(partial.Count, epsilon, rule);
        var sum = mechanism.Sum(partial, bounds, epsilon, rule);
        var mean = mechanism.Mean(partial, bounds, epsilon, rule);

        var meanInBounds = mean.Value is null || (mean.Value >= bounds.Lower && mean.Value <= bounds.Upper);
        var clampedSumInRange = partial.ClampedSum >= (Int128)bounds.Lower * partial.Count && partial.ClampedSum <= (Int128)bounds.Upper * partial.Count;
        return (meanInBounds && clampedSumInRange && count.Suppressed == (count.Value is null) && sum.Suppressed == (sum.Value is null))
            .Label($"bounds [{bounds.Lower}, {bounds.Upper}], ε {epsilon}");
    }
}
