using System.Numerics;

namespace DataGateway.Cryptography.Paillier;

/// <summary>
/// The fixed-point scale of a model (API.md: decrypt(score) = round(scale·bias) + Σ round(scale·wᵢ)·xᵢ).
/// </summary>
/// <remarks>
/// Only weights are scaled; features are the catalog's integer encodings, so the score's scale is the
/// model's scale and the bank divides once after decryption.
/// </remarks>
public sealed class PaillierFixedPoint
{
    /// <summary>Creates a codec for a positive scale.</summary>
    /// <param name="scale">The integer factor weights are multiplied by, for example 1,000,000.</param>
    public PaillierFixedPoint(long scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Scale = scale;
    }

    /// <summary>The scale.</summary>
    public long Scale { get; }

    /// <summary>round(scale · w), half away from zero; refuses NaN and infinities.</summary>
    /// <param name="weight">The real weight.</param>
    public BigInteger EncodeWeight(double weight)
    {
        if (!double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), "A weight must be a finite number.");
        }

        // Every finite double is an integer times a power of two, so the BigInteger conversion is exact.
        return new BigInteger(Math.Round(weight * Scale, MidpointRounding.AwayFromZero));
    }

    /// <summary>The real value of a decoded signed score: v / scale.</summary>
    /// <param name="value">The signed integer the bank decrypted.</param>
    public double Decode(BigInteger value) => (double)value / Scale;

    /// <summary>
    /// The largest |score| a model can produce when every |xᵢ| ≤ <paramref name="featureBound"/>:
    /// |b| + Σ|wᵢ|·bound. The bank checks it against <see cref="PaillierPublicKey.MaxSignedValue"/> before registering.
    /// </summary>
    /// <param name="weights">The integer weights.</param>
    /// <param name="bias">The integer bias.</param>
    /// <param name="featureBound">The largest feature magnitude the model accepts.</param>
    public static BigInteger MaxScoreMagnitude(IEnumerable<BigInteger> weights, BigInteger bias, BigInteger featureBound)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = BigInteger.Abs(bias);
        foreach (var weight in weights)
        {
            total += BigInteger.Abs(weight) * featureBound;
        }

        return total;
    }
}
