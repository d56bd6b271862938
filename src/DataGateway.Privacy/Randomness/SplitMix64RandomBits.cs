namespace DataGateway.Privacy.Randomness;

/// <summary>
/// A seeded, deterministic bit source (Steele, Lea and Flood's SplitMix64) for tests only:
/// a statistical test that fails prints its seed and can be replayed bit for bit. Never use
/// it for released noise; it is predictable by design.
/// </summary>
internal sealed class SplitMix64RandomBits(ulong seed) : IRandomBits
{
    private readonly Lock _gate = new();
    private ulong _state = seed;

    /// <inheritdoc />
    public ulong NextUInt64()
    {
        ulong z;
        lock (_gate)
        {
            z = _state += 0x9E3779B97F4A7C15UL;
        }

        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
