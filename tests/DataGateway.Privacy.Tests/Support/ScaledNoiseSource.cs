using System.Numerics;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Numerics;

namespace DataGateway.Privacy.Tests.Support;

/// <summary>A deliberately broken noise source for negative controls: the scale is divided by a factor.</summary>
internal sealed class ScaledNoiseSource(INoiseSource inner, BigInteger divisor) : INoiseSource
{
    public BigInteger NextDiscreteLaplace(Rational scale) => inner.NextDiscreteLaplace(scale.DivideBy(divisor));
}
