using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>
/// The window split shared by both <see cref="IFixedBasePower"/> implementations: entry [j][d] holds
/// g^((d+1)·2^(wj)), so every window multiplies by a full-size residue whatever the digit (the same
/// "+1" as <see cref="FixedBaseLayout"/>), and the start value g^(−Σⱼ 2^(wj)) cancels the offset.
/// </summary>
internal sealed class FixedBaseWindows
{
    public FixedBaseWindows(BigInteger generator, BigInteger modulus, int exponentBits, int windowBits)
    {
        ExponentBits = exponentBits;
        WindowBits = windowBits;
        DigitCount = (exponentBits + windowBits - 1) / windowBits;
        var offset = BigInteger.Zero;
        for (var j = 0; j < DigitCount; j++)
        {
            offset += BigInteger.One << (windowBits * j);
        }

        Start = ModularInverse.Of(BigInteger.ModPow(generator, offset, modulus), modulus);
    }

    public int ExponentBits { get; }

    public int WindowBits { get; }

    public int DigitCount { get; }

    public int EntriesPerDigit => 1 << WindowBits;

    public int Entries => DigitCount * EntriesPerDigit;

    /// <summary>g^(−offset) mod m.</summary>
    public BigInteger Start { get; }

    /// <summary>Table index of each window of <paramref name="exponent"/>, least significant first.</summary>
    public int[] Indexes(BigInteger exponent)
    {
        if (exponent.Sign < 0 || exponent.GetBitLength() > ExponentBits)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent));
        }

        var indexes = new int[DigitCount];
        var mask = (BigInteger.One << WindowBits) - 1;
        for (var j = 0; j < DigitCount; j++)
        {
            indexes[j] = (j * EntriesPerDigit) + (int)((exponent >> (j * WindowBits)) & mask);
        }

        return indexes;
    }
}
