using System.Net;
using System.Numerics;
using System.Text.Json;
using DataGateway.Core.Records;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// The bank's side of encrypted scoring for the integration tests: a 2048-bit key (the smallest the gateway
/// accepts), a model encrypted under it, consent with scope score, and the plaintext predictor as ground truth.
/// </summary>
public static class ScoringSteps
{
    /// <summary>Features of every type: amount, count, indicator, boolean, years.</summary>
    public static readonly string[] Features = ["tax.paid12m", "social.headcount", "tax.grade=A", "judicial.dishonestDebtor", "registration.ageYears"];

    /// <summary>Weights at scale 1,000,000 (negative ones included), and the bias.</summary>
    public static readonly long[] Weights = [12, -35_000, 1_400_000, -2_900_000, 210_000];

    public const long Bias = -3_100_000;

    public const long Scale = 1_000_000;

    /// <summary>The categories the model reads (consent must cover each).</summary>
    public static readonly string[] Categories = ["tax", "social", "judicial", "registration"];

    private static readonly Lazy<PaillierPrivateKey> SharedKey = new(() => PaillierKeyGenerator.Generate(2048));

    public static PaillierPrivateKey Key => SharedKey.Value;

    public static object ModelBody(string id, PaillierPublicKey? key = null, long[]? weights = null, string[]? features = null)
    {
        key ??= Key.PublicKey;
        return new
        {
            id,
            publicKey = new { n = key.ToBase64Url() },
            scale = Scale,
            features = features ?? Features,
            weights = (weights ?? Weights).Select(w => key.EncryptSigned(w).ToBase64Url()).ToArray(),
            bias = key.EncryptSigned(Bias).ToBase64Url(),
        };
    }

    /// <summary>bias + Σ wᵢ·xᵢ over the record, computed here from the raw record (an oracle independent of the node's encoder).</summary>
    public static BigInteger Truth(EnterpriseRecord r)
    {
        var age = TestMaterial.AsOf.Year - r.RegisteredOn.Year - (r.RegisteredOn.AddYears(TestMaterial.AsOf.Year - r.RegisteredOn.Year) > TestMaterial.AsOf ? 1 : 0);
        long[] x = [r.TaxPaid12m!.Value, r.SocialHeadcount!.Value, r.TaxGrade == "A" ? 1 : 0, r.DishonestDebtor!.Value ? 1 : 0, age];
        return Bias + Weights.Zip(x, (w, v) => new BigInteger(w) * v).Aggregate(BigInteger.Zero, (a, b) => a + b);
    }

    /// <summary>Records with every model feature present.</summary>
    public static bool Complete(EnterpriseRecord r) => r is { TaxPaid12m: not null, SocialHeadcount: not null, TaxGrade: not null, DishonestDebtor: not null };

    public static BigInteger Decrypt(string ciphertext)
    {
        Assert.Equal(PaillierCiphertextError.None, Key.PublicKey.TryParseCiphertext(ciphertext, out var parsed));
        Assert.True(Key.TryDecryptSigned(parsed!, out var value));
        return value;
    }

    public static async Task<JsonElement> RegisterAsync(GatewayHarness harness, string id, string institution = "bank-001")
    {
        using var response = await harness.Client.SendAsync(harness.Post("/v1/models", ModelBody(id), ConsentSteps.Bank(harness, institution)), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registration refused: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GrantScoreAsync(GatewayHarness harness, string subject, string[]? scopes = null, string institution = "bank-001") =>
        ConsentSteps.GrantAsync(harness, subject, ConsentSteps.GrantBody(harness, institution, scopes: scopes ?? ["score"], categories: Categories));

    public static async Task<HttpResponseMessage> ScoreAsync(GatewayHarness harness, string subject, string model, string institution = "bank-001") =>
        await harness.Client.SendAsync(
            harness.Post("/v1/scores", new { subject, purpose = "pre-loan", model }, ConsentSteps.Bank(harness, institution)), TestContext.Current.CancellationToken);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
