using DataGateway.Cryptography.Paillier;

namespace DataGateway.Gateway.Policies;

/// <summary>The encrypted-scoring rules of <c>policies/models.yaml</c>.</summary>
/// <param name="MinFeatures">Fewest features a model may have.</param>
/// <param name="MaxFeatures">Most features a model may have.</param>
/// <param name="MaxPerInstitution">Most active models per institution.</param>
/// <param name="MaxBatchSize">Most subjects per batch request.</param>
/// <param name="PerSubjectModel">Scores per (institution, subject, model) per period.</param>
/// <param name="PerSubject">Scores per (institution, subject) per period, all its models together.</param>
/// <param name="Period">The limit's period.</param>
/// <param name="KeyPolicy">The accepted modulus sizes (floor never below 2048).</param>
/// <param name="MaxKeyBits">The largest accepted modulus, at most 4096.</param>
internal sealed record ModelPolicy(
    int MinFeatures,
    int MaxFeatures,
    int MaxPerInstitution,
    int MaxBatchSize,
    int PerSubjectModel,
    int PerSubject,
    TimeSpan Period,
    PaillierKeyPolicy KeyPolicy,
    int MaxKeyBits)
{
    /// <summary>Used when no policy file has a <c>models</c> section: the values shipped in models.yaml.</summary>
    public static ModelPolicy Default { get; } = new(3, 64, 20, 1000, 10, 30, TimeSpan.FromDays(30), PaillierKeyPolicy.Production, PaillierKeyPolicy.LargestBits);
}
