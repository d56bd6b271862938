using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>g^e mod m for one fixed g and secret exponents of a fixed width, from precomputed tables.</summary>
internal interface IFixedBasePower : IDisposable
{
    /// <summary>g^e mod m for 0 ≤ e &lt; 2^ExponentBits.</summary>
    BigInteger Power(BigInteger exponent);
}
