using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>The inverse of a unit modulo a composite (extended Euclid; n² is not prime, so Fermat does not apply).</summary>
internal static class ModularInverse
{
    public static BigInteger Of(BigInteger value, BigInteger modulus)
    {
        BigInteger oldR = value % modulus, r = modulus;
        BigInteger oldS = BigInteger.One, s = BigInteger.Zero;
        while (!r.IsZero)
        {
            var quotient = BigInteger.Divide(oldR, r);
            (oldR, r) = (r, oldR - (quotient * r));
            (oldS, s) = (s, oldS - (quotient * s));
        }

        if (!oldR.IsOne)
        {
            throw new ArgumentException("The value is not invertible.", nameof(value));
        }

        return oldS.Sign < 0 ? oldS + modulus : oldS;
    }
}
