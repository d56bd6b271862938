using System.Numerics;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;
using FsCheck.Xunit;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>The fixed-base tables behind the DJN re-randomiser, on both backends, against System.Numerics.</summary>
public sealed class FixedBasePowerProperties : IDisposable
{
    private const int ExponentBits = PaillierTestKeys.Bits / 2;

    private static readonly PaillierPublicKey Key = PaillierTestKeys.Public;

    private readonly BigInteger generator = Key.EncryptZero().Value;
    private readonly MontgomeryFixedBase managed;
    private readonly GmpFixedBase gmp;

    public FixedBasePowerProperties()
    {
        managed = new MontgomeryFixedBase(generator, Key.NSquared, ExponentBits, 6);
        gmp = new GmpFixedBase(generator, Key.NSquared, ExponentBits, 6);
    }

    [Property(MaxTest = 100)]
    public bool Power_EqualsModPow_OnBothBackends(ulong low, ulong high, bool top)
    {
        var exponent = new BigInteger(low) | (new BigInteger(high) << 200) | (top ? BigInteger.One << (ExponentBits - 1) : BigInteger.Zero);
        var expected = BigInteger.ModPow(generator, exponent, Key.NSquared);

        return managed.Power(exponent) == expected && gmp.Power(exponent) == expected;
    }

    [Fact]
    public void Power_IsExact_ForZeroAndTheLargestExponent()
    {
        var largest = (BigInteger.One << ExponentBits) - 1;

        Assert.Equal(BigInteger.One, managed.Power(0));
        Assert.Equal(BigInteger.One, gmp.Power(0));
        Assert.Equal(BigInteger.ModPow(generator, largest, Key.NSquared), gmp.Power(largest));
        Assert.Equal(BigInteger.ModPow(generator, largest, Key.NSquared), managed.Power(largest));
    }

    [Fact]
    public void Power_Throws_WhenTheExponentIsWiderThanTheTables()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => gmp.Power(BigInteger.One << ExponentBits));
        Assert.Throws<ArgumentOutOfRangeException>(() => managed.Power(-1));
    }

    [Theory]
    [InlineData(PaillierBackend.Managed)]
    [InlineData(PaillierBackend.Gmp)]
    public void Next_GivesDistinctEncryptionsOfZero_WithHalfWidthExponents(PaillierBackend backend)
    {
        using var encryptor = new ZeroEncryptor(Key, backend);

        var zeros = Enumerable.Range(0, 10).Select(_ => encryptor.Next()).ToArray();

        Assert.Equal((PaillierTestKeys.Bits + 1) / 2, encryptor.ExponentBits);
        Assert.Equal(zeros.Length, zeros.Select(zero => zero.Value).Distinct().Count());
        Assert.All(zeros, zero => Assert.Equal(BigInteger.Zero, PaillierTestKeys.Private.Decrypt(zero)));
        Assert.All(zeros, zero => Assert.Equal(PaillierCiphertextError.None, Key.Validate(zero.Value)));
    }

    public void Dispose()
    {
        managed.Dispose();
        gmp.Dispose();
    }
}
