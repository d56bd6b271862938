using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>
/// How each feature exponent is split into windows so that E(w)^x becomes one table multiplication per
/// window, with the same number of full-size multiplications for every x (RELIABILITY.md P7).
/// </summary>
/// <remarks>
/// A feature x (|x| &lt; 2^(W−1)) is shifted to u = x + 2^(W−1) in [0, 2^W) and cut into D windows of w bits.
/// Table entry [j][d] holds E(w)^((d+1)·2^(wj)): the "+1" means a zero digit still multiplies by a
/// full-size residue, never by 1, so neither the operation count nor the operand sizes depend on x. The
/// product is E(w)^(x + Offset) with the public Offset = 2^(W−1) + Σⱼ 2^(wj), cancelled once per model
/// by multiplying with (Πᵢ E(wᵢ))^(−Offset). With w = 0 there are no tables: each E(w)^(u + 2^W) is one
/// exponentiation with an exponent of exactly W+1 bits.
/// Residual: which table entry is read depends on the digit, so a co-resident attacker watching the
/// cache could learn digits; the network-timing channel of P7 is closed, the cache channel is not.
/// </remarks>
internal sealed class FixedBaseLayout
{
    private const int WidestWindow = 8;

    private FixedBaseLayout(int featureBits, int windowBits)
    {
        FeatureBits = featureBits;
        WindowBits = windowBits;
        DigitCount = windowBits == 0 ? 0 : (featureBits + windowBits - 1) / windowBits;
        Half = 1L << (featureBits - 1);
        var extra = BigInteger.Zero;
        for (var j = 0; j < DigitCount; j++)
        {
            extra += BigInteger.One << (windowBits * j);
        }

        Offset = Half + (windowBits == 0 ? BigInteger.One << featureBits : extra);
    }

    public int FeatureBits { get; }

    /// <summary>Window width in bits; 0 means direct exponentiation.</summary>
    public int WindowBits { get; }

    public int DigitCount { get; }

    public int EntriesPerDigit => 1 << WindowBits;

    /// <summary>Entries per feature (all windows).</summary>
    public int EntriesPerFeature => DigitCount * EntriesPerDigit;

    public long Half { get; }

    /// <summary>The public exponent offset every feature carries before cancellation.</summary>
    public BigInteger Offset { get; }

    /// <summary>The widest window whose tables fit <paramref name="maxTableBytes"/>, or direct mode.</summary>
    public static FixedBaseLayout Choose(int featureCount, int featureBits, int ciphertextBytes, long maxTableBytes)
    {
        for (var window = WidestWindow; window >= 1; window--)
        {
            var candidate = new FixedBaseLayout(featureBits, window);
            if (candidate.TableBytes(featureCount, ciphertextBytes) <= maxTableBytes)
            {
                return candidate;
            }
        }

        return new FixedBaseLayout(featureBits, 0);
    }

    public long TableBytes(int featureCount, int ciphertextBytes) => (long)featureCount * EntriesPerFeature * ciphertextBytes;

    /// <summary>u = x + 2^(W−1); the caller has checked |x| &lt; 2^(W−1).</summary>
    public ulong Shift(long feature) => (ulong)(feature + Half);

    /// <summary>Index of the table entry for window <paramref name="digit"/> of the shifted feature.</summary>
    public int EntryIndex(ulong shifted, int digit) =>
        (digit * EntriesPerDigit) + (int)((shifted >> (digit * WindowBits)) & (ulong)(EntriesPerDigit - 1));

    /// <summary>The fixed-width exponent of direct mode: u + 2^W, exactly W+1 bits.</summary>
    public BigInteger DirectExponent(ulong shifted) => new BigInteger(shifted) + (BigInteger.One << FeatureBits);
}
