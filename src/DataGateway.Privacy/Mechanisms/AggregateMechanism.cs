using System.Numerics;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Numerics;

namespace DataGateway.Privacy.Mechanisms;

/// <summary>
/// Differentially private count, bounded sum and mean of one group with discrete Laplace noise
/// of scale t = Δ/ε, an exact rational from ε's micro-units (RELIABILITY.md item 6).
/// </summary>
/// <remarks>
/// Budget split for <see cref="Sum"/> and <see cref="Mean"/>: ε is split exactly in half
/// (<see cref="Epsilon.SplitInHalf"/>), the first half for a noisy count (sensitivity 1) used
/// for suppression and as the mean's denominator, the second for the noisy clamped sum
/// (sensitivity max(|lo|, |hi|)); sequential composition makes the total ε. A count spends all
/// of ε on one noisy count, which also decides suppression. All noise is drawn before the
/// suppression decision, so suppressed and released groups consume the same noise and take the
/// same path (D6, D10). Everything after the noise (clamping the mean to the bounds, rounding,
/// saturating to the long range) is post-processing and costs no privacy.
/// </remarks>
public sealed class AggregateMechanism(INoiseSource noise)
{
    /// <summary>The mechanism name reported to clients.</summary>
    public const string Name = "discrete-laplace";

    /// <summary>Decimal places of a released mean.</summary>
    public const int MeanDecimals = 4;

    private readonly INoiseSource _noise = noise ?? throw new ArgumentNullException(nameof(noise));

    /// <summary>A noisy count (sensitivity 1) with all of <paramref name="epsilon"/>.</summary>
    public GroupAnswer Count(long trueCount, Epsilon epsilon, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var noisyCount = NoisyCount(trueCount, epsilon);
        return rule.Suppresses(trueCount, noisyCount) ? GroupAnswer.Withheld : GroupAnswer.Released(noisyCount);
    }

    /// <summary>A noisy clamped sum; ε is split in half between the count and the sum (needs ε ≥ 2 micro-units).</summary>
    public GroupAnswer Sum(PartialAggregate partial, ContributionBounds bounds, Epsilon epsilon, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var (countEpsilon, sumEpsilon) = Split(epsilon);
        var noisyCount = NoisyCount(partial.Count, countEpsilon);
        var noisySum = NoisySum(partial, bounds, sumEpsilon);
        return rule.Suppresses(partial.Count, noisyCount) ? GroupAnswer.Withheld : GroupAnswer.Released(Saturate(noisySum));
    }

    /// <summary>Noisy sum over noisy count, clamped to the bounds; ε is split in half (needs ε ≥ 2 micro-units).</summary>
    public GroupAnswer Mean(PartialAggregate partial, ContributionBounds bounds, Epsilon epsilon, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var (countEpsilon, sumEpsilon) = Split(epsilon);
        var noisyCount = NoisyCount(partial.Count, countEpsilon);
        var noisySum = NoisySum(partial, bounds, sumEpsilon);
        if (rule.Suppresses(partial.Count, noisyCount))
        {
            return GroupAnswer.Withheld;
        }

        var mean = (decimal)Saturate(noisySum) / long.Max(noisyCount, 1);
        mean = decimal.Clamp(mean, bounds.Lower, bounds.Upper);
        return GroupAnswer.Released(decimal.Round(mean, MeanDecimals, MidpointRounding.ToEven));
    }

    /// <summary>The discrete Laplace scale Δ/ε for a sensitivity and an epsilon, exactly.</summary>
    public static Rational Scale(BigInteger sensitivity, Epsilon epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon.MicroUnits, nameof(epsilon));
        return new Rational(sensitivity * Epsilon.MicroUnitsPerUnit, epsilon.MicroUnits);
    }

    private long NoisyCount(long trueCount, Epsilon epsilon) =>
        Saturate(trueCount + _noise.NextDiscreteLaplace(Scale(BigInteger.One, epsilon)));

    private BigInteger NoisySum(PartialAggregate partial, ContributionBounds bounds, Epsilon epsilon)
    {
        var scale = Scale(bounds.SumSensitivity, epsilon);
        // Bounds [0, 0] make every sum 0: nothing to hide, nothing to draw.
        return scale.IsZero ? (BigInteger)partial.ClampedSum : (BigInteger)partial.ClampedSum + _noise.NextDiscreteLaplace(scale);
    }

    private static (Epsilon Count, Epsilon Sum) Split(Epsilon epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epsilon.MicroUnits, 2, nameof(epsilon));
        return epsilon.SplitInHalf();
    }

    private static long Saturate(BigInteger value) =>
        (long)BigInteger.Clamp(value, long.MinValue, long.MaxValue);
}
