using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Scoring;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Register -> score -> decrypt against the real node and gateway: the bank reads exactly the linear predictor
/// of the raw record, which never left the node; every answer has its own durable audit entry and receipt.
/// </summary>
public sealed class ScoringEndToEndTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(autoConsent: false);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RegisterThenScore_DecryptsToTheGroundTruth_AndBothAreAudited()
    {
        var registered = await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var (record, _) = GroundTruth.First(r => ScoringSteps.Complete(r) && r.TaxGrade == "A");
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);

        var score = await ScoringSteps.JsonAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3"));

        Assert.Equal(ScoringSteps.Truth(record), ScoringSteps.Decrypt(score.GetProperty("ciphertext").GetString()!));
        Assert.Equal((record.Uscc, "pd-v3", ScoringSteps.Scale), (score.GetProperty("subject").GetString(), score.GetProperty("model").GetString(), score.GetProperty("scale").GetInt64()));
        Assert.StartsWith("scr_", score.GetProperty("id").GetString(), StringComparison.Ordinal);

        var commitment = registered.GetProperty("commitment").GetString();
        Assert.Equal(Recompute(registered), commitment);
        var entries = AuditReader.ReadAll(_harness.AuditDatabasePath);
        var registration = Assert.Single(entries, e => (string?)e["kind"] == "model-register");
        Assert.Equal((commitment, commitment, "allowed"), ((string?)registration["query_hash"], (string?)registration["result_digest"], (string?)registration["decision"]));
        var intent = Assert.Single(entries, e => (string?)e["kind"] == "score" && (string?)e["decision"] == "intent");
        var scored = Assert.Single(entries, e => (string?)e["kind"] == "score" && (string?)e["decision"] != "intent");
        Assert.True((long)intent["seq"]! < (long)scored["seq"]!, "the intent is durable before the node is asked");
        Assert.Equal((record.Uscc, "allowed", Digest(score.GetProperty("ciphertext").GetString()!)), ((string?)scored["subject"], (string?)scored["decision"], (string?)scored["result_digest"]));
        Assert.Equal((long)scored["seq"]!, score.GetProperty("receipt").GetProperty("entryIndex").GetInt64());

        // The log holds digests and ciphertext hashes only: no weight ciphertext, no feature value.
        var log = string.Join('|', entries.SelectMany(e => e.Values).Select(v => v?.ToString()));
        Assert.DoesNotContain(registered.GetProperty("weights")[0].GetString()!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(record.TaxPaid12m!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_AnswersOneResultOrOneProblemPerSubject_InOrder_EachWithItsOwnReceipt()
    {
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var complete = GroundTruth.All.Where(ScoringSteps.Complete).Take(3).ToArray();
        const string unknown = "91350100M000100Y43"; // valid, but no node holds it
        await ScoringSteps.GrantScoreAsync(_harness, complete[0].Uscc);
        await ScoringSteps.GrantScoreAsync(_harness, complete[2].Uscc);
        await ScoringSteps.GrantScoreAsync(_harness, unknown);
        string[] subjects = [complete[0].Uscc, unknown, complete[1].Uscc /* no consent */, complete[2].Uscc];

        var body = await ScoringSteps.JsonAsync(await _harness.Client.SendAsync(
            _harness.Post("/v1/scores/batch", new { subjects, purpose = "pre-loan", model = "pd-v3" }, ConsentSteps.Bank(_harness)), Ct));

        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(subjects, results.Select(r => r.GetProperty("subject").GetString()));
        Assert.Equal(ScoringSteps.Truth(complete[0]), ScoringSteps.Decrypt(results[0].GetProperty("ciphertext").GetString()!));
        Assert.Equal("subject_not_found", results[1].GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal("consent_required", results[2].GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal(ScoringSteps.Truth(complete[2]), ScoringSteps.Decrypt(results[3].GetProperty("ciphertext").GetString()!));
        Assert.False(results[2].TryGetProperty("ciphertext", out _));
        Assert.NotEqual(
            results[0].GetProperty("receipt").GetProperty("entryIndex").GetInt64(),
            results[3].GetProperty("receipt").GetProperty("entryIndex").GetInt64());

        var all = AuditReader.ReadAll(_harness.AuditDatabasePath).Where(e => (string?)e["kind"] == "score").ToArray();
        var scores = all.Where(e => (string?)e["decision"] != "intent").ToArray();
        Assert.Equal(4, scores.Length);

        // One intent per subject the node was asked about (the three that passed admission), each before every outcome.
        var intents = all.Where(e => (string?)e["decision"] == "intent").ToArray();
        Assert.Equal(3, intents.Length);
        Assert.True(intents.Max(e => (long)e["seq"]!) < scores.Where(e => (string?)e["reason"] != "consent_required").Min(e => (long)e["seq"]!));
        Assert.Equal(
            new[] { "allowed|ok", "allowed|ok", "denied|consent_required", "denied|subject_not_found" },
            scores.Select(e => $"{e["decision"]}|{e["reason"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoScoresOfOneSubject_AreDifferentCiphertexts_OfOnePlaintext()
    {
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);

        var first = (await ScoringSteps.JsonAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3"))).GetProperty("ciphertext").GetString()!;
        var second = (await ScoringSteps.JsonAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3"))).GetProperty("ciphertext").GetString()!;

        Assert.NotEqual(first, second);
        Assert.Equal(ScoringSteps.Decrypt(first), ScoringSteps.Decrypt(second));
    }

    [Fact]
    public async Task ListGetDelete_ShowOnlyTheInstitutionsActiveModels_AndADeletedIdStaysSpent()
    {
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        await ScoringSteps.RegisterAsync(_harness, "other-bank-model", institution: "bank-002");
        var bank = ConsentSteps.Bank(_harness);

        var list = await ScoringSteps.JsonAsync(await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/models", bank), Ct));
        Assert.Equal(["pd-v3"], list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        var deleted = await ScoringSteps.JsonAsync(await _harness.Client.SendAsync(_harness.Send(HttpMethod.Delete, "/v1/models/pd-v3", bank), Ct));
        Assert.Equal("deleted", deleted.GetProperty("status").GetString());

        using var get = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/models/pd-v3", bank), Ct);
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "model_not_found");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);
        await ProblemAssert.IsProblemAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3"), HttpStatusCode.NotFound, "model_not_found");
        using var again = await _harness.Client.SendAsync(_harness.Post("/v1/models", ScoringSteps.ModelBody("pd-v3"), bank), Ct);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "model_exists");
    }

    private static string Recompute(JsonElement model) => ModelCommitment.Compute(
        model.GetProperty("publicKey").GetProperty("n").GetString()!,
        model.GetProperty("scale").GetInt64(),
        model.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray(),
        model.GetProperty("weights").EnumerateArray().Select(f => f.GetString()!).ToArray(),
        model.GetProperty("bias").GetString()!);

    private static string Digest(string ciphertext) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(ciphertext)));
}
