namespace DataGateway.Privacy.Randomness;

/// <summary>
/// A source of uniformly random bits: the only randomness the noise path consumes
/// (RELIABILITY.md D3). Production uses <see cref="SecureRandomBits"/>; tests inject a seeded
/// source so a failing statistical test can be replayed. Implementations must be thread-safe:
/// the <see cref="Noise.NoisePool"/> draws on a background thread and on request threads.
/// </summary>
public interface IRandomBits
{
    /// <summary>Returns 64 independent, uniformly random bits.</summary>
    ulong NextUInt64();
}
