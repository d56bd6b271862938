using System.Numerics;
using System.Security.Cryptography;

namespace DataGateway.Cryptography.Paillier;

/// <summary>Uniform integers from <see cref="RandomNumberGenerator"/> by rejection sampling.</summary>
internal static class PaillierRandom
{
    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    public static BigInteger Below(BigInteger bound)
    {
        if (bound.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound));
        }

        var bits = bound.GetBitLength();
        var bytes = new byte[(bits + 7) / 8];
        var topMask = (byte)(0xFF >> (int)((bytes.Length * 8) - bits));
        while (true)
        {
            // Masking to bitlen(bound) keeps the acceptance rate above 1/2 without biasing the result.
            RandomNumberGenerator.Fill(bytes);
            bytes[0] &= topMask;
            var candidate = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            if (candidate < bound)
            {
                CryptographicOperations.ZeroMemory(bytes);
                return candidate;
            }
        }
    }

    /// <summary>A uniform element of Z*_n: 0 &lt; r &lt; n with gcd(r, n) = 1.</summary>
    public static BigInteger Unit(BigInteger n)
    {
        while (true)
        {
            var r = Below(n);
            if (!r.IsZero && BigInteger.GreatestCommonDivisor(r, n).IsOne)
            {
                return r;
            }
        }
    }
}
