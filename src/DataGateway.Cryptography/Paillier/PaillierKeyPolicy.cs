namespace DataGateway.Cryptography.Paillier;

/// <summary>The modulus sizes a deployment accepts for Paillier public keys.</summary>
/// <remarks>
/// 2048 bits is about 112-bit security and 3072 about 128 (NIST SP 800-57, as HEU documents); FATE also
/// refuses anything under 2048. The floor cannot be lowered through the public API, so configuration
/// cannot weaken it (RELIABILITY.md "Config drift"); tests use <see cref="InsecureForTests"/>.
/// </remarks>
public sealed class PaillierKeyPolicy
{
    /// <summary>The smallest modulus production accepts, in bits.</summary>
    public const int ProductionMinimumBits = 2048;

    /// <summary>The largest modulus any policy accepts, in bits (bounds the cost an untrusted key can impose).</summary>
    public const int LargestBits = 4096;

    private PaillierKeyPolicy(int minimumBits, int maximumBits)
    {
        MinimumBits = minimumBits;
        MaximumBits = maximumBits;
    }

    /// <summary>The production policy: 2048 to 4096 bits.</summary>
    public static PaillierKeyPolicy Production { get; } = new(ProductionMinimumBits, LargestBits);

    /// <summary>The smallest accepted modulus, in bits.</summary>
    public int MinimumBits { get; }

    /// <summary>The largest accepted modulus, in bits.</summary>
    public int MaximumBits { get; }

    /// <summary>A policy with a raised floor (for example 3072), never below the production minimum.</summary>
    /// <param name="minimumBits">The floor, from 2048 to 4096.</param>
    public static PaillierKeyPolicy WithMinimum(int minimumBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumBits, ProductionMinimumBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumBits, LargestBits);
        return new PaillierKeyPolicy(minimumBits, LargestBits);
    }

    /// <summary>Test-only: accepts the small keys that make property tests fast. Never reachable from configuration.</summary>
    internal static PaillierKeyPolicy InsecureForTests(int minimumBits) => new(minimumBits, LargestBits);
}
