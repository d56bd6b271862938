using System.Numerics;
using DataGateway.Cryptography.Paillier.Gmp;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>The hot loop on libgmp: the same tables and multiplication order as <see cref="ManagedScoringBackend"/>.</summary>
internal sealed class GmpScoringBackend : IScoringBackend
{
    private readonly FixedBaseLayout layout;
    private readonly GmpInteger modulus;
    private readonly GmpInteger start;
    private readonly GmpInteger[] bases;
    private readonly GmpInteger[][] tables;

    public GmpScoringBackend(FixedBaseLayout layout, BigInteger nSquared, IReadOnlyList<BigInteger> bases, BigInteger start)
    {
        this.layout = layout;
        modulus = GmpInteger.From(nSquared);
        this.start = GmpInteger.From(start);
        this.bases = bases.Select(GmpInteger.From).ToArray();
        tables = layout.WindowBits == 0 ? [] : this.bases.Select(Build).ToArray();
    }

    public BigInteger Score(ReadOnlySpan<long> features, BigInteger encryptionOfZero)
    {
        using var accumulator = GmpInteger.Create();
        using var product = GmpInteger.Create();
        using var exponent = GmpInteger.Create();
        GmpNative.Set(accumulator, start);
        for (var i = 0; i < features.Length; i++)
        {
            var shifted = layout.Shift(features[i]);
            if (layout.WindowBits == 0)
            {
                // The feature is secret: constant-time exponentiation with a fixed-width exponent.
                exponent.Assign(layout.DirectExponent(shifted));
                GmpNative.PowModSecure(product, bases[i], exponent, modulus);
                MultiplyInto(accumulator, product, product);
                continue;
            }

            var table = tables[i];
            for (var digit = 0; digit < layout.DigitCount; digit++)
            {
                MultiplyInto(accumulator, table[layout.EntryIndex(shifted, digit)], product);
            }
        }

        exponent.Assign(encryptionOfZero);
        MultiplyInto(accumulator, exponent, product);
        return accumulator.ToBigInteger();
    }

    public void Dispose()
    {
        modulus.Dispose();
        start.Dispose();
        foreach (var value in bases)
        {
            value.Dispose();
        }

        foreach (var entry in tables.SelectMany(table => table))
        {
            entry.Dispose();
        }
    }

    // accumulator = accumulator · factor mod n², using scratch for the double-width product.
    private void MultiplyInto(GmpInteger accumulator, GmpInteger factor, GmpInteger scratch)
    {
        GmpNative.Multiply(scratch, accumulator, factor);
        GmpNative.Mod(accumulator, scratch, modulus);
    }

    private GmpInteger[] Build(GmpInteger value)
    {
        var table = new GmpInteger[layout.EntriesPerFeature];
        using var scratch = GmpInteger.Create();
        var generator = value;
        for (var digit = 0; digit < layout.DigitCount; digit++)
        {
            var row = digit * layout.EntriesPerDigit;
            table[row] = GmpInteger.Create();
            GmpNative.Set(table[row], generator);
            for (var d = 1; d < layout.EntriesPerDigit; d++)
            {
                table[row + d] = GmpInteger.Create();
                GmpNative.Multiply(scratch, table[row + d - 1], generator);
                GmpNative.Mod(table[row + d], scratch, modulus);
            }

            generator = table[row + layout.EntriesPerDigit - 1];
        }

        return table;
    }
}
