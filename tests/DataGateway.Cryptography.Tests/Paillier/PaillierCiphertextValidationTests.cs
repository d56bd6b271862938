using System.Numerics;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>RELIABILITY.md P1: every malformed or out-of-group ciphertext is refused by the parser.</summary>
public sealed class PaillierCiphertextValidationTests
{
    private static readonly PaillierPublicKey Key = PaillierTestKeys.Public;

    public static TheoryData<string, PaillierCiphertextError> Invalid()
    {
        var n = Key.N;
        var nSquared = Key.NSquared;
        var (p, _) = PaillierTestKeys.Primes(PaillierTestKeys.Private);
        var valid = Key.Encrypt(7).ToBase64Url();
        var validBytes = Key.Encrypt(7).Value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return new TheoryData<string, PaillierCiphertextError>
        {
            { "", PaillierCiphertextError.Malformed },
            { "AA", PaillierCiphertextError.Malformed }, // c = 0 spelled as one zero byte
            { PaillierTestKeys.Encode(n), PaillierCiphertextError.NotUnit }, // c = n: in range, shares n
            { PaillierTestKeys.Encode(nSquared), PaillierCiphertextError.OutOfRange },
            { PaillierTestKeys.Encode(nSquared + 1), PaillierCiphertextError.OutOfRange },
            { PaillierTestKeys.Encode(p * 12345), PaillierCiphertextError.NotUnit }, // gcd(c, n) = p
            { PaillierTestKeys.Encode(p), PaillierCiphertextError.NotUnit },
            { PaillierTestKeys.Encode(BigInteger.One << ((2 * Key.ModulusBits) + 8)), PaillierCiphertextError.Malformed }, // longer than 2·bitlen(n)
            { Convert.ToBase64String([0, .. validBytes]).TrimEnd('=').Replace('+', '-').Replace('/', '_'), PaillierCiphertextError.Malformed }, // leading zero byte
            { valid + "=", PaillierCiphertextError.Malformed },
            { valid + "==", PaillierCiphertextError.Malformed },
            { " " + valid, PaillierCiphertextError.Malformed },
            { valid[..^1] + "\n" + valid[^1], PaillierCiphertextError.Malformed },
            { "-1", PaillierCiphertextError.Malformed },
        };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParseCiphertext_ReturnsTheExpectedError_ForEachP1Case(string text, PaillierCiphertextError expected)
    {
        var error = Key.TryParseCiphertext(text, out var ciphertext);

        Assert.Equal(expected, error);
        Assert.Equal(expected == PaillierCiphertextError.None, ciphertext is not null);
    }

    [Fact]
    public void TryParseCiphertext_RefusesNonZeroUnusedTrailingBits()
    {
        var valid = Key.Encrypt(7).ToBase64Url();
        var bits = valid.Length % 4;
        Assert.NotEqual(0, bits); // a 256-byte ciphertext leaves unused bits in its last character

        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(valid[^1], StringComparison.Ordinal);
        var tampered = valid[..^1] + alphabet[last ^ 1];

        Assert.Equal(PaillierCiphertextError.Malformed, Key.TryParseCiphertext(tampered, out _));
    }

    [Fact]
    public void TryParseCiphertext_RefusesStandardBase64Alphabet()
    {
        var valid = Key.Encrypt(7).ToBase64Url();
        while (!valid.Contains('-') && !valid.Contains('_'))
        {
            valid = Key.Encrypt(7).ToBase64Url();
        }

        Assert.Equal(PaillierCiphertextError.Malformed, Key.TryParseCiphertext(valid.Replace('-', '+').Replace('_', '/'), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_RefusesValuesBelowOne(int value) =>
        Assert.Equal(PaillierCiphertextError.OutOfRange, Key.Validate(value));

    [Fact]
    public void TryParseCiphertext_AcceptsOne_AsTheEncryptionOfZeroWithUnitNonce()
    {
        Assert.Equal(PaillierCiphertextError.None, Key.TryParseCiphertext("AQ", out var one));
        Assert.Equal(BigInteger.Zero, PaillierTestKeys.Private.Decrypt(one!));
    }

    [Fact]
    public void TryParseCiphertext_RoundTripsEveryEncryption()
    {
        var ciphertext = Key.EncryptSigned(-5);

        Assert.Equal(PaillierCiphertextError.None, Key.TryParseCiphertext(ciphertext.ToBase64Url(), out var parsed));
        Assert.Equal(ciphertext, parsed);
    }

    [Fact]
    public void TryParseCiphertext_RefusesNSquaredMinusQ()
    {
        var (_, q) = PaillierTestKeys.Primes(PaillierTestKeys.Private);
        var c = Key.NSquared - q;

        Assert.Equal(PaillierCiphertextError.NotUnit, Key.TryParseCiphertext(PaillierTestKeys.Encode(c), out _));
    }
}
