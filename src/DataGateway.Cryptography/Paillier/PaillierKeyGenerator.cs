using System.Numerics;
using Org.BouncyCastle.Security;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DataGateway.Cryptography.Paillier;

/// <summary>Generates Paillier key pairs from BouncyCastle's vetted probable-prime generator.</summary>
public static class PaillierKeyGenerator
{
    /// <summary>The default modulus size (about 128-bit security; ARCHITECTURE.md "Encrypted scoring").</summary>
    public const int DefaultModulusBits = 3072;

    // Miller–Rabin certainty 2^-100 for each prime, as BouncyCastle's RSA generator uses at 3072 bits.
    private const int PrimeCertainty = 100;

    /// <summary>Generates a key with a 3072-bit modulus.</summary>
    public static PaillierPrivateKey Generate() => Generate(DefaultModulusBits);

    /// <summary>Generates a key with a modulus of exactly 2048, 3072 or 4096 bits.</summary>
    /// <param name="modulusBits">2048, 3072 or 4096.</param>
    public static PaillierPrivateKey Generate(int modulusBits)
    {
        if (modulusBits is not (2048 or 3072 or 4096))
        {
            throw new ArgumentOutOfRangeException(nameof(modulusBits), "The modulus must be 2048, 3072 or 4096 bits.");
        }

        return GenerateUnchecked(modulusBits, PaillierKeyPolicy.Production);
    }

    /// <summary>Test-only: small keys (for example 1024 bits) that keep property tests fast.</summary>
    internal static PaillierPrivateKey GenerateForTests(int modulusBits) =>
        GenerateUnchecked(modulusBits, PaillierKeyPolicy.InsecureForTests(modulusBits));

    private static PaillierPrivateKey GenerateUnchecked(int modulusBits, PaillierKeyPolicy policy)
    {
        // SecureRandom's default generator draws from the platform RandomNumberGenerator.
        var random = new SecureRandom();
        var primeBits = modulusBits / 2;
        while (true)
        {
            var p = BcBigInteger.ProbablePrime(primeBits, random);
            var q = BcBigInteger.ProbablePrime(primeBits, random);

            // Like BouncyCastle's RSA generator: exact modulus size, and p, q far apart so Fermat's
            // method cannot factor n.
            if (p.Equals(q) || p.Multiply(q).BitLength != modulusBits
                || p.Subtract(q).Abs().BitLength < primeBits - 100
                || !p.IsProbablePrime(PrimeCertainty) || !q.IsProbablePrime(PrimeCertainty))
            {
                continue;
            }

            return PaillierPrivateKey.FromPrimes(ToNumerics(p), ToNumerics(q), policy);
        }
    }

    private static BigInteger ToNumerics(BcBigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
}
