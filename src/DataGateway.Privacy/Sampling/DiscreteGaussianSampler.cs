using System.Numerics;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;

namespace DataGateway.Privacy.Sampling;

/// <summary>
/// Exact discrete Gaussian sampler, CKS20 Algorithm 3: P[X = x] ∝ exp(-x² / (2σ²)) for a
/// rational variance parameter σ², by rejection from a discrete Laplace with t = ⌊σ⌋ + 1.
/// </summary>
internal static class DiscreteGaussianSampler
{
    /// <summary>Draws one sample with variance parameter <paramref name="sigmaSquared"/> (must be positive).</summary>
    public static BigInteger Sample(IRandomBits bits, Rational sigmaSquared)
    {
        if (sigmaSquared.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), "The variance must be positive.");
        }

        var n = sigmaSquared.Numerator;
        var d = sigmaSquared.Denominator;
        // ⌊σ⌋ = ⌊√⌊σ²⌋⌋, so the integer square root suffices.
        var t = IntegerSquareRoot(sigmaSquared.Floor) + 1;
        var laplaceScale = new Rational(t, BigInteger.One);
        var twoNTSquaredD = 2 * n * t * t * d;
        while (true)
        {
            var y = DiscreteLaplaceSampler.Sample(bits, laplaceScale);
            // (|y| - σ²/t)² / (2σ²) = (|y|·t·d - n)² / (2·n·t²·d), exactly.
            var gap = (BigInteger.Abs(y) * t * d) - n;
            if (BernoulliSampler.Exp(bits, Rational.Unreduced(gap * gap, twoNTSquaredD)))
            {
                return y;
            }
        }
    }

    /// <summary>⌊√<paramref name="value"/>⌋ by Newton's method on integers.</summary>
    internal static BigInteger IntegerSquareRoot(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value < 2)
        {
            return value;
        }

        var x = BigInteger.One << (int)((value.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + (value / x)) >> 1;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }
}
