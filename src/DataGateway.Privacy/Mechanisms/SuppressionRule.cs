namespace DataGateway.Privacy.Mechanisms;

/// <summary>
/// When a group is withheld: its noisy count is below <see cref="MinimumNoisyCount"/>
/// (the policy minimum group size, decided on noise as Google's partition selection does), or
/// its true count is below <see cref="HardFloor"/> (RELIABILITY.md item 8, D6).
/// </summary>
/// <remarks>
/// The hard floor looks at the true count, so it is a data-dependent decision; its privacy
/// cost is the small probability that noise alone would have carried a group of fewer than
/// <see cref="HardFloor"/> records over the noisy threshold (a δ term), which is why
/// <see cref="HardFloor"/> should not exceed <see cref="MinimumNoisyCount"/>.
/// </remarks>
public sealed record SuppressionRule
{
    /// <summary>Creates a rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or the floor exceeds the noisy minimum.</exception>
    public SuppressionRule(long minimumNoisyCount, long hardFloor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hardFloor);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumNoisyCount, hardFloor);
        MinimumNoisyCount = minimumNoisyCount;
        HardFloor = hardFloor;
    }

    /// <summary>Groups whose noisy count is below this are suppressed.</summary>
    public long MinimumNoisyCount { get; }

    /// <summary>Groups whose true count is below this are always suppressed.</summary>
    public long HardFloor { get; }

    /// <summary>Whether a group with these counts is withheld.</summary>
    public bool Suppresses(long trueCount, long noisyCount) => trueCount < HardFloor || noisyCount < MinimumNoisyCount;
}
