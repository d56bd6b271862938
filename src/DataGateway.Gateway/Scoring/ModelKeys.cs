using System.Collections.Concurrent;
using DataGateway.Core.Problems;
using DataGateway.Cryptography.Paillier;
using DataGateway.Gateway.Verification;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Parsed public keys of registered models, so the egress guard can check every returned ciphertext
/// (0 &lt; c &lt; n², gcd(c, n) = 1) without re-running the key validator's Miller–Rabin rounds per score.
/// </summary>
internal sealed class ModelKeys
{
    private const int MaxKeys = 256;
    private readonly ConcurrentDictionary<string, PaillierPublicKey> _keys = new(StringComparer.Ordinal);

    /// <summary>The key of a registered model (validated at registration; re-validated when first seen here).</summary>
    public PaillierPublicKey Get(string modulus)
    {
        if (_keys.TryGetValue(modulus, out var key))
        {
            return key;
        }

        if (PaillierPublicKeyValidator.TryParse(modulus, PaillierKeyPolicy.Production, out key) != PaillierKeyError.None)
        {
            throw new AdmissionException(ProblemCodes.InvalidPublicKey);
        }

        if (_keys.Count >= MaxKeys)
        {
            _keys.Clear(); // rare: more live keys than the bound; the next calls re-validate
        }

        return _keys.GetOrAdd(modulus, key!);
    }
}
