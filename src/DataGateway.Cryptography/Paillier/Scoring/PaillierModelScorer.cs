using System.Numerics;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>
/// One registered model's scorer: E(b + Σ wᵢ·xᵢ) = E(b) · Πᵢ E(wᵢ)^(xᵢ) mod n² over a subject's integer
/// features, on fixed-base tables built once per model (ARCHITECTURE.md "Encrypted scoring").
/// </summary>
/// <remarks>
/// The weights never change after registration, so each E(wᵢ)^x is a few table multiplications instead
/// of an exponentiation: about 160 multiplications for 40 features at 8-bit windows. Every exponent has
/// the same fixed width (see <see cref="FixedBaseLayout"/>), so latency does not depend on the features
/// (RELIABILITY.md P7). Safe for concurrent use; dispose to release native tables.
/// </remarks>
public sealed class PaillierModelScorer : IDisposable
{
    private readonly PaillierPublicKey key;
    private readonly IScoringBackend backend;

    private PaillierModelScorer(PaillierPublicKey key, FixedBaseLayout layout, int featureCount, IScoringBackend backend, PaillierBackend kind)
    {
        this.key = key;
        this.backend = backend;
        FeatureCount = featureCount;
        FeatureBound = layout.Half - 1;
        WindowBits = layout.WindowBits;
        TableSizeInBytes = layout.TableBytes(featureCount, key.CiphertextSizeInBytes);
        Backend = kind;
    }

    /// <summary>The number of features (and encrypted weights).</summary>
    public int FeatureCount { get; }

    /// <summary>The largest feature magnitude accepted: |xᵢ| ≤ 2^(FeatureBits−1) − 1.</summary>
    public long FeatureBound { get; }

    /// <summary>The window width of the tables in bits; 0 when the memory bound forced direct exponentiation.</summary>
    public int WindowBits { get; }

    /// <summary>The memory the fixed-base tables take (counted in ciphertext bytes).</summary>
    public long TableSizeInBytes { get; }

    /// <summary>The backend in use after resolving <see cref="PaillierBackend.Auto"/>.</summary>
    public PaillierBackend Backend { get; }

    /// <summary>Builds the tables for a model. Cost grows with the window: seconds at most, once per registration.</summary>
    /// <param name="weights">E(wᵢ), validated ciphertexts under <paramref name="bias"/>'s key.</param>
    /// <param name="bias">E(b).</param>
    /// <param name="options">Feature width, table memory bound and backend.</param>
    public static PaillierModelScorer Create(IReadOnlyList<PaillierCiphertext> weights, PaillierCiphertext bias, PaillierScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var key = bias.Key;
        if (weights.Count == 0 || weights.Any(weight => weight is null || weight.Key.N != key.N))
        {
            throw new ArgumentException("A model needs at least one weight, all under the bias's key.", nameof(weights));
        }

        var layout = FixedBaseLayout.Choose(weights.Count, options.FeatureBits, key.CiphertextSizeInBytes, options.MaxTableBytes);
        var bases = weights.Select(weight => weight.Value).ToArray();

        // Cancel the public offset once: start = E(b) · (Πᵢ E(wᵢ))^(−Offset) mod n².
        var product = bases.Aggregate(BigInteger.One, (accumulated, value) => accumulated * value % key.NSquared);
        var cancel = ModularInverse.Of(BigInteger.ModPow(product, layout.Offset, key.NSquared), key.NSquared);
        var start = bias.Value * cancel % key.NSquared;

        var useGmp = PaillierBackends.UseGmp(options.Backend);
        IScoringBackend implementation = useGmp
            ? new GmpScoringBackend(layout, key.NSquared, bases, start)
            : new ManagedScoringBackend(layout, key.NSquared, bases, start);
        return new PaillierModelScorer(key, layout, weights.Count, implementation, useGmp ? PaillierBackend.Gmp : PaillierBackend.Managed);
    }

    /// <summary>E(b + Σ wᵢ·xᵢ), re-randomised by <paramref name="encryptionOfZero"/> (take it from a <see cref="RandomizerPool"/>).</summary>
    /// <param name="features">The subject's integer features in model order, each |xᵢ| ≤ <see cref="FeatureBound"/>.</param>
    /// <param name="encryptionOfZero">A fresh E(0) under the model's key, used once.</param>
    public PaillierCiphertext Score(ReadOnlySpan<long> features, PaillierCiphertext encryptionOfZero)
    {
        ArgumentNullException.ThrowIfNull(encryptionOfZero);
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException("The feature count differs from the model's.", nameof(features));
        }

        foreach (var feature in features)
        {
            if (feature > FeatureBound || feature < -FeatureBound)
            {
                throw new ArgumentOutOfRangeException(nameof(features), "A feature is outside the model's declared bound.");
            }
        }

        if (encryptionOfZero.Key.N != key.N)
        {
            throw new ArgumentException("The encryption of zero is under another key.", nameof(encryptionOfZero));
        }

        return key.Wrap(backend.Score(features, encryptionOfZero.Value));
    }

    /// <inheritdoc />
    public void Dispose() => backend.Dispose();
}
