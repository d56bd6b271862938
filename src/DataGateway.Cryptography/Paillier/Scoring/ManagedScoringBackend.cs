using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>
/// The portable hot loop: fixed-base tables in Montgomery form (<see cref="MontgomeryContext"/>), or
/// System.Numerics exponentiation when the memory bound leaves no tables. The libgmp path is tested
/// against it, and both against plain System.Numerics.
/// </summary>
internal sealed class ManagedScoringBackend : IScoringBackend
{
    private readonly FixedBaseLayout layout;
    private readonly BigInteger modulus;
    private readonly BigInteger start;
    private readonly BigInteger[] bases;
    private readonly MontgomeryContext? montgomery;
    private readonly ulong[] startMontgomery = [];
    private readonly ulong[][] tables = [];

    public ManagedScoringBackend(FixedBaseLayout layout, BigInteger nSquared, IReadOnlyList<BigInteger> bases, BigInteger start)
    {
        this.layout = layout;
        modulus = nSquared;
        this.start = start;
        this.bases = [.. bases];
        if (layout.WindowBits != 0)
        {
            montgomery = new MontgomeryContext(nSquared);
            startMontgomery = montgomery.ToMontgomery(start);
            tables = this.bases.Select(Build).ToArray();
        }
    }

    public BigInteger Score(ReadOnlySpan<long> features, BigInteger encryptionOfZero)
    {
        if (montgomery is null)
        {
            var accumulator = start;
            for (var i = 0; i < features.Length; i++)
            {
                var exponent = layout.DirectExponent(layout.Shift(features[i]));
                accumulator = accumulator * BigInteger.ModPow(bases[i], exponent, modulus) % modulus;
            }

            return accumulator * encryptionOfZero % modulus;
        }

        var k = montgomery.Limbs;
        Span<ulong> acc = stackalloc ulong[k];
        Span<ulong> scratch = stackalloc ulong[montgomery.ScratchLimbs];
        startMontgomery.CopyTo(acc);
        for (var i = 0; i < features.Length; i++)
        {
            var shifted = layout.Shift(features[i]);
            var table = tables[i].AsSpan();
            for (var digit = 0; digit < layout.DigitCount; digit++)
            {
                montgomery.Multiply(acc, table.Slice(layout.EntryIndex(shifted, digit) * k, k), acc, scratch);
            }
        }

        montgomery.Multiply(acc, montgomery.ToMontgomery(encryptionOfZero), acc, scratch);
        return montgomery.FromMontgomery(acc);
    }

    public void Dispose()
    {
        // Managed memory only.
    }

    // Entry [j][d] = base^((d+1)·2^(wj)): each row is successive multiples of g_j = base^(2^(wj)),
    // and its last entry g_j^(2^w) is the next row's g. Stored flat, k limbs per entry.
    private ulong[] Build(BigInteger value)
    {
        var context = montgomery!;
        var k = context.Limbs;
        var table = new ulong[layout.EntriesPerFeature * k];
        var scratch = new ulong[context.ScratchLimbs];
        var generator = context.ToMontgomery(value);
        for (var digit = 0; digit < layout.DigitCount; digit++)
        {
            var row = digit * layout.EntriesPerDigit;
            generator.CopyTo(table.AsSpan(row * k, k));
            for (var d = 1; d < layout.EntriesPerDigit; d++)
            {
                context.Multiply(table.AsSpan((row + d - 1) * k, k), generator, table.AsSpan((row + d) * k, k), scratch);
            }

            generator = table.AsSpan((row + layout.EntriesPerDigit - 1) * k, k).ToArray();
        }

        return table;
    }
}
