using System.Globalization;
using System.Numerics;
using DataGateway.Client.Models;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Client.Scoring;

/// <summary>
/// Encodes a plaintext model in fixed point, round(scale·w), and encrypts every weight and the bias
/// under the bank's public key, so the weights never leave the bank in the clear.
/// </summary>
/// <remarks>
/// The encoding is exact decimal arithmetic rounded half away from zero, the same rule as
/// <see cref="PaillierFixedPoint.EncodeWeight"/>, but without passing through a double: a weight typed
/// as 0.1 is encoded as exactly scale/10. A model that could overflow the key's signed range for any
/// feature within <c>featureBound</c> is refused, because an overflowed score decrypts to a
/// plausible value of the wrong sign instead of an error.
/// </remarks>
public static class ModelEncryptor
{
    /// <summary>The default largest |xᵢ|: every catalog encoding is a 64-bit integer.</summary>
    public static readonly BigInteger DefaultFeatureBound = long.MaxValue;

    private const decimal WarnAboveRelativeError = 0.01m;

    /// <summary>Encrypts <paramref name="model"/> under <paramref name="key"/> with <see cref="DefaultFeatureBound"/>.</summary>
    /// <param name="model">A validated model (<see cref="PlainModelReader"/>).</param>
    /// <param name="key">The bank's public key.</param>
    public static EncryptedModel Encrypt(PlainModel model, PaillierPublicKey key) => Encrypt(model, key, DefaultFeatureBound);

    /// <summary>Encrypts <paramref name="model"/> under <paramref name="key"/>.</summary>
    /// <param name="model">A validated model (<see cref="PlainModelReader"/>).</param>
    /// <param name="key">The bank's public key.</param>
    /// <param name="featureBound">The largest feature magnitude the score must survive without overflow.</param>
    /// <exception cref="PlainModelException">The model is invalid, a weight does not fit, or the score could overflow.</exception>
    public static EncryptedModel Encrypt(PlainModel model, PaillierPublicKey key, BigInteger featureBound)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureBound.Sign);
        PlainModelReader.Validate(model);

        var warnings = new List<string>();
        var weights = new BigInteger[model.Weights.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Encode(model.Weights[i], model.Scale, $"weights[{i}] ({model.Features[i]})", warnings);
        }

        var bias = Encode(model.Bias, model.Scale, "bias", warnings);
        var worst = PaillierFixedPoint.MaxScoreMagnitude(weights, bias, featureBound);
        if (worst > key.MaxSignedValue)
        {
            throw new PlainModelException(
                $"the score could reach 2^{worst.GetBitLength()} for features up to 2^{featureBound.GetBitLength()}, beyond the key's signed range " +
                $"(2^{key.MaxSignedValue.GetBitLength()}): lower the scale or the weights, or use a larger key.");
        }

        var registration = new ModelRegistration
        {
            Id = model.Id,
            PublicKey = new ModelPublicKey { N = key.ToBase64Url() },
            Scale = model.Scale,
            Features = [.. model.Features],
            Weights = [.. weights.Select(w => key.EncryptSigned(w).ToBase64Url())],
            Bias = key.EncryptSigned(bias).ToBase64Url(),
        };
        return new EncryptedModel(registration, warnings);
    }

    /// <summary>round(scale·value), half away from zero, in exact decimal arithmetic.</summary>
    /// <param name="value">The real weight or bias.</param>
    /// <param name="scale">The model's scale.</param>
    /// <exception cref="PlainModelException">scale·value does not fit in a decimal.</exception>
    public static BigInteger EncodeFixedPoint(decimal value, long scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        try
        {
            return new BigInteger(decimal.Round(value * scale, MidpointRounding.AwayFromZero));
        }
        catch (OverflowException e)
        {
            throw new PlainModelException($"{value.ToString(CultureInfo.InvariantCulture)} × scale {scale} is too large to encode.", e);
        }
    }

    private static BigInteger Encode(decimal value, long scale, string member, List<string> warnings)
    {
        BigInteger encoded;
        try
        {
            encoded = EncodeFixedPoint(value, scale);
        }
        catch (PlainModelException e)
        {
            throw new PlainModelException($"{member}: {e.Message}", e);
        }

        var exact = value * scale;
        if (exact != 0m && Math.Abs(((decimal)encoded - exact) / exact) > WarnAboveRelativeError)
        {
            warnings.Add($"{member}: {value.ToString(CultureInfo.InvariantCulture)} encodes as {encoded}/{scale}, " +
                $"{Math.Abs(((decimal)encoded - exact) / exact):P0} off; raise the scale to keep its precision.");
        }

        return encoded;
    }
}
