using System.Numerics;
using DataGateway.Cryptography.Paillier;
using Org.BouncyCastle.Security;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>RELIABILITY.md P2: every unacceptable modulus is refused with its reason.</summary>
public sealed class PaillierPublicKeyValidatorTests
{
    private static readonly SecureRandom Random = new();

    [Fact]
    public void Validate_RefusesATestSizedKey_UnderProductionPolicy()
    {
        Assert.Equal(PaillierKeyError.TooSmall, PaillierPublicKeyValidator.Validate(PaillierTestKeys.Public.N, PaillierKeyPolicy.Production));
        Assert.Equal(PaillierKeyError.None, PaillierPublicKeyValidator.Validate(PaillierTestKeys.Public.N, PaillierTestKeys.Policy));
    }

    [Fact]
    public void Validate_RefusesAModulusOverMaximumBits()
    {
        var n = (BigInteger.One << 4096) + 1;

        Assert.Equal(PaillierKeyError.TooLarge, PaillierPublicKeyValidator.Validate(n, PaillierKeyPolicy.Production));
        Assert.Equal(PaillierKeyError.Malformed, PaillierPublicKeyValidator.TryParse(PaillierTestKeys.Encode(n), PaillierKeyPolicy.Production, out _));
    }

    [Fact]
    public void Validate_RefusesAnEvenModulus()
    {
        var n = Odd2048() + 1;

        Assert.Equal(PaillierKeyError.Even, PaillierPublicKeyValidator.Validate(n, PaillierKeyPolicy.Production));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(257)]
    [InlineData(65521)] // the largest prime below 2^16
    public void Validate_RefusesAModulusWithASmallFactor(int factor)
    {
        // Two 1024-bit moduli have no factor below 2^16, so the only one is the planted factor.
        var n = PaillierTestKeys.Public.N * PaillierTestKeys.OtherPrivate.PublicKey.N * factor;

        Assert.Equal(PaillierKeyError.SmallFactor, PaillierPublicKeyValidator.Validate(n, PaillierKeyPolicy.Production));
    }

    [Fact]
    public void Validate_RefusesAPerfectSquare()
    {
        var root = PaillierTestKeys.Public.N;

        Assert.Equal(PaillierKeyError.PerfectSquare, PaillierPublicKeyValidator.Validate(root * root, PaillierTestKeys.Policy));
        Assert.Equal(PaillierKeyError.PerfectSquare, PaillierPublicKeyValidator.Validate(root * root * root * root, PaillierKeyPolicy.Production));
    }

    [Fact]
    public void Validate_RefusesAPrimeModulus()
    {
        var n = Prime(2048);

        Assert.Equal(PaillierKeyError.Prime, PaillierPublicKeyValidator.Validate(n, PaillierKeyPolicy.Production));
    }

    [Fact]
    public void Validate_AcceptsAGenerated2048BitKey_AndTryParseRoundTripsIt()
    {
        var key = PaillierKeyGenerator.Generate(2048).PublicKey;

        Assert.Equal(2048, key.ModulusBits);
        Assert.Equal(PaillierKeyError.None, PaillierPublicKeyValidator.TryParse(key.ToBase64Url(), PaillierKeyPolicy.Production, out var parsed));
        Assert.Equal(key.N, parsed!.N);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AA")]
    [InlineData("AAE")]
    [InlineData("AQ==")]
    [InlineData("AQ AB")]
    [InlineData("+/8")]
    public void TryParse_RefusesNonCanonicalSpellings(string text) =>
        Assert.Equal(PaillierKeyError.Malformed, PaillierPublicKeyValidator.TryParse(text, PaillierKeyPolicy.Production, out _));

    [Fact]
    public void TryParse_RefusesALeadingZeroByte_OnAnOtherwiseValidKey()
    {
        var bytes = PaillierTestKeys.Public.N.ToByteArray(isUnsigned: true, isBigEndian: true);
        var text = Convert.ToBase64String([0, .. bytes]).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(PaillierKeyError.Malformed, PaillierPublicKeyValidator.TryParse(text, PaillierTestKeys.Policy, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void WithMinimum_RefusesAFloorBelow2048() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PaillierKeyPolicy.WithMinimum(1024));

    [Fact]
    public void IntegerSquareRoot_IsTheFloor_ForSquaresAndNeighbours()
    {
        var root = Odd2048();

        Assert.Equal(root, PaillierPublicKeyValidator.IntegerSquareRoot(root * root));
        Assert.Equal(root - 1, PaillierPublicKeyValidator.IntegerSquareRoot((root * root) - 1));
        Assert.Equal(root, PaillierPublicKeyValidator.IntegerSquareRoot((root * root) + (2 * root)));
    }

    private static BigInteger Prime(int bits) => ToNumerics(BcBigInteger.ProbablePrime(bits, Random));

    private static BigInteger Odd2048() => ToNumerics(new BcBigInteger(2048, Random).SetBit(2047).SetBit(0));

    private static BigInteger ToNumerics(BcBigInteger value) => new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
}
