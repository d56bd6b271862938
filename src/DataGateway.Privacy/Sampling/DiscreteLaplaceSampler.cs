using System.Numerics;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;

namespace DataGateway.Privacy.Sampling;

/// <summary>
/// Exact discrete Laplace sampler, CKS20 Algorithm 2: P[X = x] ∝ exp(-|x| / t) for a rational
/// scale t = num/den. Its running time varies with the sample, which is why released noise
/// is drawn ahead into a pool (RELIABILITY.md item 7, D10).
/// </summary>
internal static class DiscreteLaplaceSampler
{
    /// <summary>Draws one sample with scale <paramref name="scale"/> (must be positive).</summary>
    public static BigInteger Sample(IRandomBits bits, Rational scale)
    {
        if (scale.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The scale must be positive.");
        }

        // CKS20 writes the scale as t/s with integers s, t ≥ 1.
        var t = scale.Numerator;
        var s = scale.Denominator;
        while (true)
        {
            var u = UniformSampler.Below(bits, t);
            if (!BernoulliSampler.Exp(bits, Rational.Unreduced(u, t)))
            {
                continue;
            }

            var v = BigInteger.Zero;
            while (BernoulliSampler.Exp(bits, Rational.One))
            {
                v++;
            }

            var magnitude = BigInteger.Divide(u + (t * v), s);
            var negative = BernoulliSampler.Fair(bits);
            if (negative && magnitude.IsZero)
            {
                continue; // zero must not be counted twice
            }

            return negative ? -magnitude : magnitude;
        }
    }
}
