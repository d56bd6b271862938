namespace DataGateway.Privacy.Noise;

/// <summary>Sizes of the <see cref="NoisePool"/>.</summary>
public sealed class NoisePoolOptions
{
    /// <summary>Samples kept ready per scale. Sized for a burst of group-by answers between refills.</summary>
    public int CapacityPerScale { get; init; } = 4096;

    /// <summary>Distinct scales pooled; further scales are drawn synchronously and counted, so memory stays bounded.</summary>
    public int MaxScales { get; init; } = 64;
}
