using System.Numerics;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;

namespace DataGateway.Privacy.Sampling;

/// <summary>
/// Exact Bernoulli trials with rational parameters, including Bernoulli(exp(-γ)) by
/// Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (CKS20),
/// Algorithm 1. Only integer comparisons against uniform integers: no floating point.
/// </summary>
internal static class BernoulliSampler
{
    /// <summary>Returns true with probability <paramref name="numerator"/> / <paramref name="denominator"/> (at most 1).</summary>
    public static bool Trial(IRandomBits bits, BigInteger numerator, BigInteger denominator)
    {
        if (numerator >= denominator)
        {
            return true;
        }

        return !numerator.IsZero && UniformSampler.Below(bits, denominator) < numerator;
    }

    /// <summary>Returns true with probability 1/2.</summary>
    public static bool Fair(IRandomBits bits) => (bits.NextUInt64() & 1UL) == 1UL;

    /// <summary>Returns true with probability exp(-<paramref name="gamma"/>) (CKS20 Algorithm 1).</summary>
    public static bool Exp(IRandomBits bits, Rational gamma)
    {
        // For γ > 1, exp(-γ) = exp(-1)^⌊γ⌋ · exp(-(γ - ⌊γ⌋)): stop at the first failed factor.
        var whole = gamma.Floor;
        for (var i = BigInteger.Zero; i < whole; i++)
        {
            if (!ExpAtMostOne(bits, BigInteger.One, BigInteger.One))
            {
                return false;
            }
        }

        var remainder = gamma.Numerator - (whole * gamma.Denominator);
        return ExpAtMostOne(bits, remainder, gamma.Denominator);
    }

    /// <summary>Bernoulli(exp(-n/d)) for 0 ≤ n/d ≤ 1: count successes of Bernoulli(γ/k); the parity decides.</summary>
    private static bool ExpAtMostOne(IRandomBits bits, BigInteger numerator, BigInteger denominator)
    {
        var k = BigInteger.One;
        while (Trial(bits, numerator, denominator * k))
        {
            k++;
        }

        return !k.IsEven;
    }
}
