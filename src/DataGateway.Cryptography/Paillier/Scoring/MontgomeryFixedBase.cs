using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>Fixed-base exponentiation on the managed Montgomery multiplier.</summary>
internal sealed class MontgomeryFixedBase : IFixedBasePower
{
    private readonly FixedBaseWindows windows;
    private readonly MontgomeryContext context;
    private readonly ulong[] start;
    private readonly ulong[] table;

    public MontgomeryFixedBase(BigInteger generator, BigInteger modulus, int exponentBits, int windowBits)
    {
        windows = new FixedBaseWindows(generator, modulus, exponentBits, windowBits);
        context = new MontgomeryContext(modulus);
        start = context.ToMontgomery(windows.Start);
        var k = context.Limbs;
        table = new ulong[windows.Entries * k];
        var scratch = new ulong[context.ScratchLimbs];
        var g = context.ToMontgomery(generator);
        for (var digit = 0; digit < windows.DigitCount; digit++)
        {
            var row = digit * windows.EntriesPerDigit;
            g.CopyTo(table.AsSpan(row * k, k));
            for (var d = 1; d < windows.EntriesPerDigit; d++)
            {
                context.Multiply(table.AsSpan((row + d - 1) * k, k), g, table.AsSpan((row + d) * k, k), scratch);
            }

            g = table.AsSpan((row + windows.EntriesPerDigit - 1) * k, k).ToArray();
        }
    }

    public BigInteger Power(BigInteger exponent)
    {
        var k = context.Limbs;
        Span<ulong> accumulator = stackalloc ulong[k];
        Span<ulong> scratch = stackalloc ulong[context.ScratchLimbs];
        start.CopyTo(accumulator);
        foreach (var index in windows.Indexes(exponent))
        {
            context.Multiply(accumulator, table.AsSpan(index * k, k), accumulator, scratch);
        }

        return context.FromMontgomery(accumulator);
    }

    public void Dispose()
    {
        // Managed memory only.
    }
}
