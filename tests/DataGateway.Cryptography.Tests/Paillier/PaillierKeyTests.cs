using System.Numerics;
using System.Security.Cryptography;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>Key generation, CRT decryption and canonical key serialisation.</summary>
public sealed class PaillierKeyTests
{
    private static readonly PaillierPrivateKey Secret = PaillierTestKeys.Private;

    [Fact]
    public void GenerateForTests_GivesTwoDistinctEqualSizedPrimes_AndTheExactModulusSize()
    {
        var (p, q) = PaillierTestKeys.Primes(Secret);

        Assert.NotEqual(p, q);
        Assert.Equal(p.GetBitLength(), q.GetBitLength());
        Assert.Equal(PaillierTestKeys.Bits, Secret.PublicKey.ModulusBits);
        Assert.Equal(p * q, Secret.PublicKey.N);
        Assert.Equal(BigInteger.One, BigInteger.GreatestCommonDivisor(p * q, (p - 1) * (q - 1)));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(2047)]
    [InlineData(8192)]
    public void Generate_Throws_ForUnsupportedSizes(int bits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PaillierKeyGenerator.Generate(bits));

    [Fact]
    public void ImportPrimes_RoundTripsTheExport_AndDecryptsTheSame()
    {
        var (p, q) = Secret.ExportPrimes();
        var imported = PaillierPrivateKey.ImportPrimes(q, p, PaillierTestKeys.Policy);
        var ciphertext = Secret.PublicKey.EncryptSigned(-123_456);

        Assert.Equal(Secret.ExportPrimes(), imported.ExportPrimes());
        Assert.True(imported.TryDecryptSigned(ciphertext, out var value));
        Assert.Equal(-123_456, value);
    }

    [Fact]
    public void ImportPrimes_Throws_WhenThePrimesAreEqualOrComposite()
    {
        var (p, q) = Secret.ExportPrimes();
        // An odd multiple of 3 just below p: composite for certain (p + 2 is itself prime for a twin prime, ~0.4 % of keys).
        var below = PaillierTestKeys.Decode(p) - (PaillierTestKeys.Decode(p) % 3);
        var composite = PaillierTestKeys.Encode(below.IsEven ? below - 3 : below);

        Assert.Throws<CryptographicException>(() => PaillierPrivateKey.ImportPrimes(p, p, PaillierTestKeys.Policy));
        Assert.Throws<CryptographicException>(() => PaillierPrivateKey.ImportPrimes(composite, q, PaillierTestKeys.Policy));
        Assert.Throws<CryptographicException>(() => PaillierPrivateKey.ImportPrimes(p + "=", q, PaillierTestKeys.Policy));
        Assert.Throws<CryptographicException>(() => PaillierPrivateKey.ImportPrimes(p, q, PaillierKeyPolicy.Production));
    }

    [Fact]
    public void ToBase64Url_IsBigEndianWithoutLeadingZeros()
    {
        var text = Secret.PublicKey.ToBase64Url();
        var bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));

        Assert.DoesNotContain('=', text);
        Assert.NotEqual(0, bytes[0]);
        Assert.Equal(Secret.PublicKey.N, new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void Decrypt_AgreesWithTheLambdaMuDefinition()
    {
        // The CRT path must equal the textbook m = L(c^λ mod n²)·μ mod n (Paillier 1999, §3).
        var (p, q) = PaillierTestKeys.Primes(Secret);
        var key = Secret.PublicKey;
        var lambda = (p - 1) * (q - 1) / BigInteger.GreatestCommonDivisor(p - 1, q - 1);
        var mu = BigInteger.ModPow((BigInteger.ModPow(key.N + 1, lambda, key.NSquared) - 1) / key.N, EulerPhi(p, q) - 1, key.N);

        for (var i = 0; i < 10; i++)
        {
            var ciphertext = key.Encrypt(PaillierRandom.Below(key.N));
            var textbook = (BigInteger.ModPow(ciphertext.Value, lambda, key.NSquared) - 1) / key.N * mu % key.N;
            Assert.Equal(textbook, Secret.Decrypt(ciphertext));
        }
    }

    private static BigInteger EulerPhi(BigInteger p, BigInteger q) => (p - 1) * (q - 1);
}
