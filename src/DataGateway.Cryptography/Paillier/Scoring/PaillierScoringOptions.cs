namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>How a registered model's scorer is laid out.</summary>
public sealed class PaillierScoringOptions
{
    /// <summary>
    /// Width of a feature exponent in bits: every feature must satisfy |x| &lt; 2^(FeatureBits−1). All
    /// exponents are shifted to exactly this width so time does not depend on magnitude (RELIABILITY.md P7).
    /// </summary>
    public int FeatureBits { get; init; } = 32;

    /// <summary>
    /// The most memory one model's fixed-base tables may take. The widest window (up to 8 bits) that fits
    /// is chosen; when even 1-bit windows do not fit the model scores by direct exponentiation instead.
    /// </summary>
    public long MaxTableBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The implementation of the hot loop.</summary>
    public PaillierBackend Backend { get; init; } = PaillierBackend.Auto;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FeatureBits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FeatureBits, 62);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTableBytes);
        if (!Enum.IsDefined(Backend))
        {
            throw new ArgumentOutOfRangeException(nameof(Backend));
        }
    }
}
