using System.Numerics;
using System.Security.Cryptography;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Client.Scoring;

/// <summary>
/// The bank's side of a score: decrypts the ciphertext the gateway returned, decodes the signed
/// fixed-point integer, divides by the scale and applies the logistic link and scorecard scaling.
/// </summary>
/// <param name="key">The bank's private key; it never leaves the bank.</param>
public sealed class ScoreDecoder(PaillierPrivateKey key)
{
    private readonly PaillierPrivateKey _key = key ?? throw new ArgumentNullException(nameof(key));

    /// <summary>Decodes a score's ciphertext.</summary>
    /// <param name="ciphertext">The base64url ciphertext from the gateway.</param>
    /// <param name="scale">The model's scale.</param>
    /// <exception cref="CryptographicException">The ciphertext is malformed or not under the bank's key.</exception>
    public DecodedScore Decode(string ciphertext, long scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);

        // The gateway is not trusted with the format either: a value outside Z*_{n²} is refused, not decrypted.
        var error = _key.PublicKey.TryParseCiphertext(ciphertext, out var parsed);
        if (error != PaillierCiphertextError.None)
        {
            throw new CryptographicException($"The score is not a valid ciphertext under this key ({error}).");
        }

        return _key.TryDecryptSigned(parsed!, out var value) ? FromInteger(value, scale) : DecodedScore.Overflowed;
    }

    /// <summary>The score for a decoded signed integer: z = value/scale, then the link and the scaling.</summary>
    /// <param name="value">round(scale·bias) + Σ round(scale·wᵢ)·xᵢ.</param>
    /// <param name="scale">The model's scale.</param>
    public static DecodedScore FromInteger(BigInteger value, long scale)
    {
        var z = new PaillierFixedPoint(scale).Decode(value);
        return new DecodedScore(false, z, Scorecard.Probability(z), Scorecard.Points(z));
    }
}
