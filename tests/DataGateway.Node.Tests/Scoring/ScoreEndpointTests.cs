using System.Net;
using System.Numerics;
using System.Text;

namespace DataGateway.Node.Tests.Scoring;

/// <summary>
/// POST /internal/v1/scores: decrypt(score) is the plaintext linear predictor of the same record; scores are
/// re-randomised; nothing is computed for a wrong ticket or an invalid model.
/// </summary>
public sealed class ScoreEndpointTests
{
    private const string OtherSubject = "92440305PDY0000363";
    private static readonly string[] Features =
        ["tax.paid12m", "social.headcount", "tax.arrears", "registration.ageYears", "tax.grade=A", "tax.salesGrowthYoy"];

    private static readonly long[] Weights = [3, -250_000, -4_000_000, 17, 900_000, -11];
    private const long Bias = -1_500_000;

    [Fact]
    public async Task Score_DecryptsToThePlaintextLinearPredictor_ForEachSubject_InOrder()
    {
        var store = new CountingStore(Some.Record(), ScoreNode.Other(OtherSubject));
        await using var node = await ScoreNode.StartAsync(store);
        var model = ScoreNode.Model(Features, Weights, Bias);

        var results = await ScoreNode.ResultsAsync(await node.PostAsync(ScoreNode.Body(model, OtherSubject, Some.Subject, "91310115PDY000028D"), "*"));

        Assert.Equal(3, results.Length);
        Assert.Equal(OtherSubject, results[0].GetProperty("subject").GetString());
        // Other: 3*1234567 - 250000*0 - 4000000*1 + 17*11 + 900000*1 - 11*(-2500)
        Assert.Equal(new BigInteger(Bias + (3L * 1_234_567) - 4_000_000 + (17 * 11) + 900_000 + (11 * 2500)), ScoreNode.Decrypt(results[0].GetProperty("ciphertext").GetString()!));
        // Some.Record: paid 50000, headcount 5, no arrears, 3 years, grade B, growth missing -> refused
        Assert.Equal("feature_unavailable", results[1].GetProperty("problem").GetString());
        Assert.False(results[1].TryGetProperty("ciphertext", out _));
        Assert.Equal("subject_not_found", results[2].GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Score_OfACompleteRecord_EqualsTheHandComputedSum_WithNegativeWeights()
    {
        await using var node = await ScoreNode.StartAsync(new CountingStore(Some.Record()));
        var model = ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears", "registration.ageYears", "tax.grade=A"], [3, -250_000, -4_000_000, 17, 900_000], Bias);

        var results = await ScoreNode.ResultsAsync(await node.PostAsync(ScoreNode.Body(model, Some.Subject), Some.Subject));

        Assert.Equal(new BigInteger(Bias + (3L * 50_000) - (250_000L * 5) + (17 * 3)), ScoreNode.Decrypt(results[0].GetProperty("ciphertext").GetString()!));
    }

    [Fact]
    public async Task TwoScores_OfTheSameSubjectAndModel_AreDifferentCiphertexts_OfTheSamePlaintext()
    {
        await using var node = await ScoreNode.StartAsync(new CountingStore(Some.Record()));
        var model = ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4);

        var first = (await ScoreNode.ResultsAsync(await node.PostAsync(ScoreNode.Body(model, Some.Subject), Some.Subject)))[0].GetProperty("ciphertext").GetString()!;
        var second = (await ScoreNode.ResultsAsync(await node.PostAsync(ScoreNode.Body(model, Some.Subject), Some.Subject)))[0].GetProperty("ciphertext").GetString()!;

        Assert.NotEqual(first, second);
        Assert.Equal(ScoreNode.Decrypt(first), ScoreNode.Decrypt(second));
        Assert.Equal(new BigInteger(4 + 50_000 + 10), ScoreNode.Decrypt(first));
        Assert.Equal(1, node.Scoring.CachedModels); // the tables were built once for both
    }

    [Fact]
    public async Task WrongTicketKind_ComputesNothing()
    {
        var store = new CountingStore(Some.Record());
        await using var node = await ScoreNode.StartAsync(store);
        var body = ScoreNode.Body(ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4), Some.Subject);

        using var response = await node.PostAsync(body, Some.Subject, kind: "verification");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((0, 0), (store.Reads, node.Scoring.CachedModels));
    }

    [Fact]
    public async Task TicketForOneSubject_CannotScoreAnother()
    {
        var store = new CountingStore(Some.Record(), ScoreNode.Other(OtherSubject));
        await using var node = await ScoreNode.StartAsync(store);
        var body = ScoreNode.Body(ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4), Some.Subject, OtherSubject);

        using var response = await node.PostAsync(body, Some.Subject);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task AModelWhoseCommitmentDoesNotRecompute_IsRefused_BeforeAnyRecordIsRead()
    {
        var store = new CountingStore(Some.Record());
        await using var node = await ScoreNode.StartAsync(store);
        var model = ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4);
        var swapped = model with { Weights = [model.Weights[1], model.Weights[0], model.Weights[2]] }; // a mutated weight vector, old commitment

        using var response = await node.PostAsync(ScoreNode.Body(swapped, Some.Subject), Some.Subject);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0), (store.Reads, node.Scoring.CachedModels));
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("n")]
    [InlineData("notUnit")]
    public async Task AnInvalidCiphertext_IsRefusedWithInvalidCiphertext(string kind)
    {
        var store = new CountingStore(Some.Record());
        await using var node = await ScoreNode.StartAsync(store);
        var key = ScoringKeys.Public;
        var bad = kind switch
        {
            "zero" => "AA",
            "n" => key.ToBase64Url(),
            _ => ScoringKeys.Private.ExportPrimes().P, // c = p: 0 < c < n² but gcd(c, n) = p
        };
        var good = ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4);
        var model = Recommit(good with { Weights = [good.Weights[0], bad, good.Weights[2]] });

        using var response = await node.PostAsync(ScoreNode.Body(model, Some.Subject), Some.Subject);

        Assert.Equal("invalid_ciphertext", await NodeHarness.ProblemCode(response));
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task AKeyBelow2048Bits_IsRefusedWithInvalidPublicKey()
    {
        var store = new CountingStore(Some.Record());
        await using var node = await ScoreNode.StartAsync(store);
        var good = ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4);
        var small = System.Buffers.Text.Base64Url.EncodeToString(Enumerable.Repeat((byte)0xC3, 128).ToArray()); // 1024 bits
        var model = Recommit(good with { N = small });

        using var response = await node.PostAsync(ScoreNode.Body(model, Some.Subject), Some.Subject);

        Assert.Equal("invalid_public_key", await NodeHarness.ProblemCode(response));
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task ABatchRepeatingASubject_IsRefused_BeforeAnyRecordIsRead()
    {
        var store = new CountingStore(Some.Record());
        await using var node = await ScoreNode.StartAsync(store);
        var body = ScoreNode.Body(ScoreNode.Model(["tax.paid12m", "social.headcount", "tax.arrears"], [1, 2, 3], 4), Some.Subject, Some.Subject);

        using var response = await node.PostAsync(body, "*");

        Assert.Equal("too_many_subjects", await NodeHarness.ProblemCode(response));
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task AnOversizedBody_Is413()
    {
        await using var node = await ScoreNode.StartAsync(new CountingStore(Some.Record()));
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('a', 300 * 1024) + "\"}");

        using var response = await node.PostAsync(body, Some.Subject);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static Core.Scoring.NodeScoreModel Recommit(Core.Scoring.NodeScoreModel model) => model with
    {
        Commitment = Core.Scoring.ModelCommitment.Compute(model.N, model.Scale, model.Features, model.Weights, model.Bias),
    };
}
