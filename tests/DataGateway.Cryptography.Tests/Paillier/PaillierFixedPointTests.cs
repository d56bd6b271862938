using System.Numerics;
using DataGateway.Cryptography.Paillier;
using FsCheck.Xunit;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>The fixed-point weight codec and its overflow bound (API.md plaintext semantics).</summary>
public sealed class PaillierFixedPointTests
{
    private static readonly PaillierFixedPoint Codec = new(1_000_000);

    [Theory]
    [InlineData(0.5, 500_000)]
    [InlineData(-0.0000005, -1)] // half away from zero
    [InlineData(0.0000004, 0)]
    [InlineData(-1.2345678, -1_234_568)]
    public void EncodeWeight_IsRoundOfScaleTimesWeight(double weight, long expected) =>
        Assert.Equal(new BigInteger(expected), Codec.EncodeWeight(weight));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void EncodeWeight_Throws_ForNonFiniteWeights(double weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Codec.EncodeWeight(weight));

    [Property(MaxTest = 200)]
    public bool EncodeThenDecode_IsWithinHalfAUnit(int numerator)
    {
        var weight = numerator / 1e4;
        return Math.Abs(Codec.Decode(Codec.EncodeWeight(weight)) - weight) <= 0.5 / Codec.Scale;
    }

    [Fact]
    public void MaxScoreMagnitude_IsBiasPlusWeightedBound()
    {
        BigInteger[] weights = [3, -5, 0];

        Assert.Equal(new BigInteger(7 + (8 * 100)), PaillierFixedPoint.MaxScoreMagnitude(weights, -7, 100));
    }

    [Fact]
    public void TryFromPlaintext_FlagsTheMiddleThird()
    {
        var key = PaillierTestKeys.Public;

        Assert.False(PaillierSignedEncoding.TryFromPlaintext(key, key.MaxSignedValue + 1, out _));
        Assert.False(PaillierSignedEncoding.TryFromPlaintext(key, key.N / 2, out _));
        Assert.False(PaillierSignedEncoding.TryFromPlaintext(key, key.N - key.MaxSignedValue - 1, out _));
        Assert.True(PaillierSignedEncoding.TryFromPlaintext(key, key.N - 1, out var minusOne));
        Assert.Equal(BigInteger.MinusOne, minusOne);
    }
}
