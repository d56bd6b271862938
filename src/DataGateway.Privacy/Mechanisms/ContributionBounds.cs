using System.Numerics;

namespace DataGateway.Privacy.Mechanisms;

/// <summary>
/// Policy bounds for one measured field. Every contribution is clamped into [Lower, Upper]
/// before it is added, which is what makes the sum's sensitivity finite (RELIABILITY.md D11).
/// </summary>
public readonly record struct ContributionBounds
{
    /// <summary>Creates bounds with <paramref name="lower"/> ≤ <paramref name="upper"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lower bound is above the upper bound.</exception>
    public ContributionBounds(long lower, long upper)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lower, upper);
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The smallest value a record contributes.</summary>
    public long Lower { get; }

    /// <summary>The largest value a record contributes.</summary>
    public long Upper { get; }

    /// <summary>
    /// How much adding or removing one record can move the clamped sum: max(|Lower|, |Upper|).
    /// A BigInteger because |long.MinValue| does not fit in a long.
    /// </summary>
    public BigInteger SumSensitivity => BigInteger.Max(BigInteger.Abs(Lower), BigInteger.Abs(Upper));

    /// <summary>Clamps one contribution into the bounds.</summary>
    public long Clamp(long value) => long.Clamp(value, Lower, Upper);
}
