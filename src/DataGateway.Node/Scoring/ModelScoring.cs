using DataGateway.Core.Problems;
using DataGateway.Core.Scoring;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;

namespace DataGateway.Node.Scoring;

/// <summary>
/// The node's scoring state: one validated <see cref="ScoringModel"/> per model commitment and one
/// <see cref="RandomizerPool"/> per public key, both in bounded caches (memory is bounded by
/// <see cref="MaxTableBytes"/> and the pool count, whatever banks register).
/// </summary>
/// <remarks>
/// A model is validated once per commitment, in this order, before any exponentiation (RELIABILITY.md
/// P1-P3): shape, commitment recomputed from the body, feature names, public key, every ciphertext.
/// </remarks>
internal sealed class ModelScoring : IDisposable
{
    /// <summary>Most features per model the node accepts (the gateway's policy cap is the same or lower).</summary>
    public const int MaxFeatures = 64;

    /// <summary>Most memory all cached fixed-base tables may take.</summary>
    public const long MaxTableBytes = 256L * 1024 * 1024;

    private const int MaxModels = 32;
    private const int MaxPools = 8;
    private const int PoolCapacity = 2048;

    private static readonly PaillierScoringOptions Options = new() { MaxTableBytes = 32L * 1024 * 1024 };

    private readonly LeaseCache<ScoringModel> _models = new(MaxModels, MaxTableBytes, model => model.Dispose());
    private readonly LeaseCache<RandomizerPool> _pools = new(MaxPools, MaxPools, pool => _ = pool.DisposeAsync().AsTask());

    /// <summary>Models cached now (tests).</summary>
    public int CachedModels => _models.Count;

    /// <summary>Leases the scorer for <paramref name="model"/>, validating and building it on first use.</summary>
    /// <exception cref="ScoringRefusedException">The model is malformed, its commitment does not match, or its key or a ciphertext is invalid.</exception>
    public LeaseCache<ScoringModel>.Lease AcquireModel(NodeScoreModel model)
    {
        if (model.Features.Count is 0 or > MaxFeatures || model.Weights.Count != model.Features.Count)
        {
            throw new ScoringRefusedException(ProblemCodes.InvalidModel);
        }

        var commitment = ModelCommitment.Compute(model.N, model.Scale, model.Features, model.Weights, model.Bias);
        if (!ModelCommitment.Matches(model.Commitment, commitment))
        {
            throw new ScoringRefusedException(ProblemCodes.InvalidRequest);
        }

        return _models.Acquire(commitment, () => Build(model));
    }

    /// <summary>Leases the randomizer pool of <paramref name="key"/>.</summary>
    public LeaseCache<RandomizerPool>.Lease AcquirePool(PaillierPublicKey key) =>
        _pools.Acquire(key.ToBase64Url(), () => (new RandomizerPool(key, PoolCapacity, Options.Backend), 1));

    /// <inheritdoc />
    public void Dispose()
    {
        _models.Dispose();
        _pools.Dispose();
    }

    private static (ScoringModel, long) Build(NodeScoreModel model)
    {
        var encoder = FeatureEncoder.TryCompile(model.Features) ?? throw new ScoringRefusedException(ProblemCodes.UnknownField);
        if (PaillierPublicKeyValidator.TryParse(model.N, PaillierKeyPolicy.Production, out var key) != PaillierKeyError.None)
        {
            throw new ScoringRefusedException(ProblemCodes.InvalidPublicKey);
        }

        var weights = new PaillierCiphertext[model.Weights.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Parse(key!, model.Weights[i]);
        }

        var bias = Parse(key!, model.Bias);
        var scorer = PaillierModelScorer.Create(weights, bias, Options);
        return (new ScoringModel(key!, scorer, encoder), scorer.TableSizeInBytes);
    }

    private static PaillierCiphertext Parse(PaillierPublicKey key, string text) =>
        key.TryParseCiphertext(text, out var ciphertext) == PaillierCiphertextError.None
            ? ciphertext!
            : throw new ScoringRefusedException(ProblemCodes.InvalidCiphertext);
}
