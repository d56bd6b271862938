using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>One implementation of the per-model hot loop; both must give identical ciphertexts.</summary>
internal interface IScoringBackend : IDisposable
{
    /// <summary>(b · Offset-cancel) · Πᵢ E(wᵢ)^(xᵢ + Offset) · zero mod n², features already range-checked.</summary>
    BigInteger Score(ReadOnlySpan<long> features, BigInteger encryptionOfZero);
}
