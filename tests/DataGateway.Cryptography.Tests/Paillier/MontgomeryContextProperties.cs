using System.Numerics;
using DataGateway.Cryptography.Paillier.Scoring;
using FsCheck.Xunit;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>The managed Montgomery multiplier against System.Numerics.</summary>
public sealed class MontgomeryContextProperties
{
    private static readonly BigInteger Modulus = PaillierTestKeys.Public.NSquared;
    private static readonly MontgomeryContext Context = new(Modulus);

    [Property(MaxTest = 500)]
    public bool Multiply_EqualsSystemNumerics_ForRandomResidues(byte[]? left, byte[]? right)
    {
        var a = Residue(left);
        var b = Residue(right);
        var result = new ulong[Context.Limbs];

        Context.Multiply(Context.ToMontgomery(a), Context.ToMontgomery(b), result, new ulong[Context.ScratchLimbs]);

        return Context.FromMontgomery(result) == a * b % Modulus;
    }

    [Fact]
    public void Multiply_IsExact_AtTheEdgesOfTheRange()
    {
        BigInteger[] edges = [0, 1, 2, Modulus - 1, Modulus - 2, Modulus / 2, (BigInteger.One << (int)(Modulus.GetBitLength() - 1)) - 1];
        var result = new ulong[Context.Limbs];
        var scratch = new ulong[Context.ScratchLimbs];

        foreach (var a in edges)
        {
            foreach (var b in edges)
            {
                Context.Multiply(Context.ToMontgomery(a), Context.ToMontgomery(b), result, scratch);
                Assert.Equal(a * b % Modulus, Context.FromMontgomery(result));
            }
        }
    }

    [Fact]
    public void Constructor_Throws_ForAnEvenModulus() =>
        Assert.Throws<ArgumentException>(() => new MontgomeryContext(Modulus + 1));

    // Mixes short and full-length inputs: FsCheck's arrays are short, so they are stretched to the modulus size.
    private static BigInteger Residue(byte[]? seed)
    {
        seed ??= [];
        var bytes = new byte[(Modulus.GetBitLength() / 8) + 1];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = seed.Length == 0 ? (byte)0 : (byte)(seed[i % seed.Length] * (i + 1));
        }

        if (seed.Length % 3 == 0)
        {
            bytes[^1] = 0xFF;
        }

        return new BigInteger(bytes, isUnsigned: true) % Modulus;
    }
}
