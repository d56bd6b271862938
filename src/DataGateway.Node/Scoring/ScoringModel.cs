using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;

namespace DataGateway.Node.Scoring;

/// <summary>A validated model ready to score: its key, its fixed-base scorer and its feature encoder.</summary>
internal sealed class ScoringModel(PaillierPublicKey key, PaillierModelScorer scorer, FeatureEncoder encoder) : IDisposable
{
    public PaillierPublicKey Key { get; } = key;

    public PaillierModelScorer Scorer { get; } = scorer;

    public FeatureEncoder Encoder { get; } = encoder;

    public void Dispose() => Scorer.Dispose();
}
