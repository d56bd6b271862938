using System.Numerics;
using System.Security.Cryptography;
using DataGateway.Core.Catalog;
using DataGateway.Core.Records;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;
using DataGateway.Node.Scoring;

namespace DataGateway.Bench;

/// <summary>
/// The bank's side of the scoring bench: a 2048-bit key and a model over up to 40 features that every
/// generated record has (the node refuses a subject with a missing feature), with random signed weights.
/// </summary>
internal sealed class ScoringBenchModel
{
    public const int WantedFeatures = 40;
    public const long Scale = 1_000_000;
    public const string Id = "bench-40";

    private ScoringBenchModel(PaillierPrivateKey secret, string[] features, long[] weights, long bias, int candidates)
    {
        Secret = secret;
        Features = features;
        Weights = weights;
        Bias = bias;
        Candidates = candidates;
        Encoder = FeatureEncoder.TryCompile(features) ?? throw new InvalidOperationException("A selected feature does not compile.");
        EncryptedWeights = weights.Select(w => Key.EncryptSigned(w)).ToArray();
        EncryptedBias = Key.EncryptSigned(bias);
    }

    public PaillierPrivateKey Secret { get; }

    public PaillierPublicKey Key => Secret.PublicKey;

    public string[] Features { get; }

    public long[] Weights { get; }

    public long Bias { get; }

    /// <summary>How many scorable features and indicators every record has (the pool the model was drawn from).</summary>
    public int Candidates { get; }

    public FeatureEncoder Encoder { get; }

    public PaillierCiphertext[] EncryptedWeights { get; }

    public PaillierCiphertext EncryptedBias { get; }

    /// <summary>The scorer's feature bound at the default 32-bit fixed width (RELIABILITY.md P7).</summary>
    public static long FeatureBound => (1L << (new PaillierScoringOptions().FeatureBits - 1)) - 1;

    public static ScoringBenchModel Create(IReadOnlyList<EnterpriseRecord> records, DateOnly asOf)
    {
        var x = new long[1];
        var present = CandidateFeatures().Where(f => FeatureEncoder.TryCompile([f]) is { } encoder && records.All(r => encoder.TryEncode(r, asOf, FeatureBound, x))).ToList();
        // Numeric fields first (they carry the information), indicators fill up to 40.
        var features = present.Where(f => !f.Contains('=', StringComparison.Ordinal))
            .Concat(present.Where(f => f.Contains('=', StringComparison.Ordinal)))
            .Take(WantedFeatures).ToArray();
        var weights = features.Select(_ => (long)RandomNumberGenerator.GetInt32(-2_000_000, 2_000_001)).ToArray();
        return new ScoringBenchModel(PaillierKeyGenerator.Generate(2048), features, weights, -3_500_000, present.Count);
    }

    /// <summary>POST /v1/models body: the public key and the encrypted weights, never the plaintext ones.</summary>
    public object RegistrationBody() => new
    {
        id = Id,
        publicKey = new { n = Key.ToBase64Url() },
        scale = Scale,
        features = Features,
        weights = EncryptedWeights.Select(c => c.ToBase64Url()).ToArray(),
        bias = EncryptedBias.ToBase64Url(),
    };

    /// <summary>The plaintext linear predictor bias + Σ wᵢ·xᵢ the decrypted score must equal.</summary>
    public BigInteger Predictor(EnterpriseRecord record, DateOnly asOf)
    {
        var x = EncodeFeatures(record, asOf);
        var sum = new BigInteger(Bias);
        for (var i = 0; i < x.Length; i++)
        {
            sum += new BigInteger(Weights[i]) * x[i];
        }

        return sum;
    }

    /// <summary>The record's integer features in model order, as the node encodes them.</summary>
    public long[] EncodeFeatures(EnterpriseRecord record, DateOnly asOf)
    {
        var x = new long[Features.Length];
        return Encoder.TryEncode(record, asOf, FeatureBound, x) ? x : throw new InvalidOperationException("A record lacks a model feature.");
    }

    private static IEnumerable<string> CandidateFeatures()
    {
        foreach (var field in FieldCatalog.All.Where(f => f.Scorable))
        {
            if (field.Kind != FieldKind.Categorical)
            {
                yield return field.Name;
                continue;
            }

            foreach (var value in field.Values)
            {
                yield return field.Name + "=" + value;
            }
        }
    }
}
