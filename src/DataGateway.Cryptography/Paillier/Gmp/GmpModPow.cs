using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Gmp;

/// <summary>
/// Modular exponentiation for the key operations (encrypt, decrypt, multiply by a plaintext): libgmp's
/// constant-time <c>mpz_powm_sec</c> when it loads, else System.Numerics.
/// </summary>
/// <remarks>
/// Every exponent here is secret or derived from a secret (r, the primes, a plaintext factor), and every
/// modulus is odd (n², p², q², n), which is what <c>mpz_powm_sec</c> requires. The scoring oracle does
/// not come through here: it calls System.Numerics directly so the two paths stay independent.
/// </remarks>
internal static class GmpModPow
{
    public static BigInteger Compute(BigInteger value, BigInteger exponent, BigInteger modulus)
    {
        if (!GmpNative.IsAvailable || exponent.Sign <= 0 || modulus.IsEven)
        {
            return BigInteger.ModPow(value, exponent, modulus);
        }

        using var result = GmpInteger.Create();
        using var b = GmpInteger.From(value % modulus);
        using var e = GmpInteger.From(exponent);
        using var m = GmpInteger.From(modulus);
        GmpNative.PowModSecure(result, b, e, m);
        return result.ToBigInteger();
    }
}
