using System.Numerics;
using DataGateway.Privacy.Numerics;
using DataGateway.Privacy.Randomness;
using DataGateway.Privacy.Sampling;

namespace DataGateway.Privacy.Noise;

/// <summary>
/// Draws each sample when asked. Its latency depends on the sample (RELIABILITY.md item 7),
/// so request paths use <see cref="NoisePool"/>; this source feeds the pool and tests.
/// </summary>
public sealed class DirectNoiseSource(IRandomBits bits) : INoiseSource
{
    private readonly IRandomBits _bits = bits ?? throw new ArgumentNullException(nameof(bits));

    /// <inheritdoc />
    public BigInteger NextDiscreteLaplace(Rational scale) => DiscreteLaplaceSampler.Sample(_bits, scale);

    /// <summary>Returns one exact discrete Gaussian sample with variance parameter σ² (P[x] ∝ exp(-x²/2σ²)).</summary>
    public BigInteger NextDiscreteGaussian(Rational sigmaSquared) => DiscreteGaussianSampler.Sample(_bits, sigmaSquared);
}
