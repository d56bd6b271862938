using DataGateway.Client.Scoring;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>
/// One 2048-bit key per test run. The 1024-bit test policy is internal to the Cryptography assembly,
/// and the bank-side code under test accepts production keys only, so the smallest production size is used.
/// </summary>
internal static class ScoringTestKeys
{
    private static readonly Lazy<PaillierPrivateKey> Shared = new(() => PaillierKeyGenerator.Generate(2048));
    private static readonly Lazy<string> SharedFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-client-tests", "key-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PaillierKeyFile.Write(path, Shared.Value, overwrite: false);
        return path;
    });

    public static PaillierPrivateKey Private => Shared.Value;

    public static PaillierPublicKey Public => Shared.Value.PublicKey;

    /// <summary>A key file holding <see cref="Private"/>.</summary>
    public static string File => SharedFile.Value;

    public static PlainModel Model(params (string Feature, decimal Weight)[] terms) => new()
    {
        Id = "pd-test",
        Scale = 1_000_000,
        Features = [.. terms.Select(t => t.Feature)],
        Weights = [.. terms.Select(t => t.Weight)],
        Bias = -3.5m,
    };
}
