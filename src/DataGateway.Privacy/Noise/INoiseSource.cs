using System.Numerics;
using DataGateway.Privacy.Numerics;

namespace DataGateway.Privacy.Noise;

/// <summary>Where mechanisms get their noise: drawn on demand or from a pre-drawn pool.</summary>
public interface INoiseSource
{
    /// <summary>Returns one exact discrete Laplace sample with the given positive scale t (P[x] ∝ exp(-|x|/t)).</summary>
    BigInteger NextDiscreteLaplace(Rational scale);
}
