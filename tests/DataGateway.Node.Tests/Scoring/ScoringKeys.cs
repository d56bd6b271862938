using DataGateway.Cryptography.Paillier;

namespace DataGateway.Node.Tests.Scoring;

/// <summary>
/// One 2048-bit key per test run. The node accepts only production key sizes and this assembly cannot reach
/// the Cryptography test-only policy, so the node is tested with the smallest key it would take in production.
/// </summary>
internal static class ScoringKeys
{
    private static readonly Lazy<PaillierPrivateKey> Shared = new(() => PaillierKeyGenerator.Generate(2048));

    public static PaillierPrivateKey Private => Shared.Value;

    public static PaillierPublicKey Public => Shared.Value.PublicKey;
}
