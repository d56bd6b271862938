using System.Numerics;
using DataGateway.Cryptography.Paillier.Gmp;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>Fixed-base exponentiation on libgmp; identical results to <see cref="MontgomeryFixedBase"/>.</summary>
internal sealed class GmpFixedBase : IFixedBasePower
{
    private readonly FixedBaseWindows windows;
    private readonly GmpInteger modulus;
    private readonly GmpInteger start;
    private readonly GmpInteger[] table;

    public GmpFixedBase(BigInteger generator, BigInteger modulus, int exponentBits, int windowBits)
    {
        windows = new FixedBaseWindows(generator, modulus, exponentBits, windowBits);
        this.modulus = GmpInteger.From(modulus);
        start = GmpInteger.From(windows.Start);
        table = new GmpInteger[windows.Entries];
        using var scratch = GmpInteger.Create();
        using var first = GmpInteger.From(generator);
        var g = first;
        for (var digit = 0; digit < windows.DigitCount; digit++)
        {
            var row = digit * windows.EntriesPerDigit;
            table[row] = GmpInteger.Create();
            GmpNative.Set(table[row], g);
            for (var d = 1; d < windows.EntriesPerDigit; d++)
            {
                table[row + d] = GmpInteger.Create();
                GmpNative.Multiply(scratch, table[row + d - 1], g);
                GmpNative.Mod(table[row + d], scratch, this.modulus);
            }

            g = table[row + windows.EntriesPerDigit - 1];
        }
    }

    public BigInteger Power(BigInteger exponent)
    {
        using var accumulator = GmpInteger.Create();
        using var product = GmpInteger.Create();
        GmpNative.Set(accumulator, start);
        foreach (var index in windows.Indexes(exponent))
        {
            GmpNative.Multiply(product, accumulator, table[index]);
            GmpNative.Mod(accumulator, product, modulus);
        }

        return accumulator.ToBigInteger();
    }

    public void Dispose()
    {
        modulus.Dispose();
        start.Dispose();
        foreach (var entry in table)
        {
            entry.Dispose();
        }
    }
}
