using System.Buffers.Text;
using System.Net;
using System.Numerics;
using System.Text.Json;
using DataGateway.Cryptography.Paillier;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md P1-P3 and P6 through the real gateway: invalid keys and ciphertexts are refused before
/// anything is stored, model ids are immutable and per institution, and scores need consent scope score and
/// stay within the per-(institution, subject, model) limit.
/// </summary>
public sealed class ScoringAdmissionTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(autoConsent: false);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string> BadKeys => ["small", "even", "smallFactor", "square", "prime", "nonCanonical", "tooLarge"];

    public static TheoryData<string> BadCiphertexts => ["zero", "n", "nSquared", "nSquaredPlusOne", "p", "leadingZero", "padded", "tooLong"];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Register_RefusesAnInvalidPublicKey_AndStoresNothing(string kind)
    {
        var n = ScoringSteps.Key.PublicKey.N;
        var (p, _) = Primes();
        var modulus = kind switch
        {
            "small" => PaillierKeyGenerator.GenerateForTests(1024).PublicKey.ToBase64Url(),
            "even" => Encode(n + 1),
            "smallFactor" => Encode(n * 3),
            "square" => Encode(p * p),
            "prime" => Encode(Decode(Base64Url.EncodeToString(Org.BouncyCastle.Math.BigInteger.ProbablePrime(2048, new Org.BouncyCastle.Security.SecureRandom()).ToByteArrayUnsigned()))),
            "nonCanonical" => "AA" + Encode(n),
            _ => Encode((BigInteger.One << 4100) + 1),
        };
        var body = JsonSerializer.SerializeToNode(ScoringSteps.ModelBody("bad-key"))!;
        body["publicKey"]!["n"] = modulus;

        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/models", body.ToJsonString(), ConsentSteps.Bank(_harness)), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_public_key");
        await AssertNotStoredAsync("bad-key");
    }

    [Theory]
    [MemberData(nameof(BadCiphertexts))]
    public async Task Register_RefusesAnInvalidCiphertext_AndStoresNothing(string kind)
    {
        var key = ScoringSteps.Key.PublicKey;
        var valid = key.EncryptSigned(5).ToBase64Url();
        var (p, _) = Primes();
        var bad = kind switch
        {
            "zero" => "AA",
            "n" => Encode(key.N),
            "nSquared" => Encode(key.NSquared),
            "nSquaredPlusOne" => Encode(key.NSquared + 1),
            "p" => Encode(p),
            "leadingZero" => Base64Url.EncodeToString([0, .. Base64Url.DecodeFromChars(valid)]),
            "padded" => valid + "=",
            _ => Encode(key.NSquared << 64),
        };
        var body = JsonSerializer.SerializeToNode(ScoringSteps.ModelBody("bad-ct"))!;
        body["weights"]![1] = bad;

        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/models", body.ToJsonString(), ConsentSteps.Bank(_harness)), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_ciphertext");
        await AssertNotStoredAsync("bad-ct");
        // RELIABILITY.md P1 "audit: denied": the refused registration is on the record with its code.
        Assert.Contains(AuditReader.ReadAll(_harness.AuditDatabasePath), e =>
            (string?)e["kind"] == "model-register" && (string?)e["decision"] == "denied" && (string?)e["reason"] == "invalid_ciphertext");
    }

    [Fact]
    public async Task Register_RefusesAWeightCountThatDiffersFromTheFeatures()
    {
        var body = JsonSerializer.SerializeToNode(ScoringSteps.ModelBody("short"))!;
        body["weights"]!.AsArray().RemoveAt(0);

        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/models", body.ToJsonString(), ConsentSteps.Bank(_harness)), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_model");
        await AssertNotStoredAsync("short");
    }

    [Theory]
    [InlineData("tax.nothing")]
    [InlineData("legalRep.idHmac")]
    [InlineData("tax.grade=Z")]
    public async Task Register_RefusesAFeatureThatIsNotScorable(string feature)
    {
        string[] features = [.. ScoringSteps.Features[..^1], feature];
        using var response = await _harness.Client.SendAsync(_harness.Post("/v1/models", ScoringSteps.ModelBody("odd", features: features), ConsentSteps.Bank(_harness)), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown_field");
    }

    [Fact]
    public async Task Register_Refuses10MegabyteBodyWith413()
    {
        var json = "{\"id\":\"big\",\"bias\":\"" + new string('A', 10 * 1024 * 1024) + "\"}";
        using var request = _harness.PostRaw("/v1/models", json, ConsentSteps.Bank(_harness));

        // The gateway refuses on the declared length, before reading: with 100-continue the client never has to send it.
        request.Headers.ExpectContinue = true;
        using var response = await _harness.Client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task ReRegistering_AnIdWithAMutatedWeight_Is409_AndTheFirstModelStands()
    {
        var first = await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var mutated = ScoringSteps.ModelBody("pd-v3", weights: [.. ScoringSteps.Weights[..^1], 1]);

        using var response = await _harness.Client.SendAsync(_harness.Post("/v1/models", mutated, ConsentSteps.Bank(_harness)), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "model_exists");
        var stored = await ScoringSteps.JsonAsync(await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/models/pd-v3", ConsentSteps.Bank(_harness)), Ct));
        Assert.Equal(first.GetProperty("commitment").GetString(), stored.GetProperty("commitment").GetString());
    }

    [Fact]
    public async Task Scoring_WithAnotherInstitutionsModel_Is404ModelNotFound()
    {
        await ScoringSteps.RegisterAsync(_harness, "their-model", institution: "bank-002");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);

        await ProblemAssert.IsProblemAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "their-model"), HttpStatusCode.NotFound, "model_not_found");
    }

    [Fact]
    public async Task Scoring_WithAConsentWithoutScopeScore_Is403_AndIsAuditedAsDenied()
    {
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc, scopes: ["verify"]);

        using var response = await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "consent_scope");
        var entry = Assert.Single(AuditReader.ReadAll(_harness.AuditDatabasePath), e => (string?)e["kind"] == "score");
        Assert.Equal(("denied", "consent_scope"), ((string?)entry["decision"], (string?)entry["reason"]));
    }

    [Fact]
    public async Task TheScoreAfterThePerSubjectModelLimit_Is429_WithRetryAfter()
    {
        const int limit = 10; // policies/models.yaml perSubjectModel
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);
        for (var i = 0; i < limit; i++)
        {
            await ScoringSteps.JsonAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3"));
        }

        using var response = await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "query_limit_exceeded");
        Assert.NotNull(response.Headers.RetryAfter);

        // The limit survives a restart: it is rebuilt from the audit log.
        await _harness.RestartGatewayAsync();
        await ProblemAssert.IsProblemAsync(await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3"), HttpStatusCode.TooManyRequests, "query_limit_exceeded");
    }

    [Fact]
    public async Task ScoresSpreadOverManyModels_StopAtThePerSubjectLimit_EvenWithEveryModelUnderItsOwn()
    {
        // RELIABILITY.md P6: 20 models x 10 scores would otherwise read 200 combinations of one enterprise's features.
        const int perSubject = 4;
        var policies = TestMaterial.CopyPolicies();
        var file = Path.Combine(policies, "models.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("perSubject: 30", $"perSubject: {perSubject}", StringComparison.Ordinal));
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: policies, autoConsent: false);
        string[] models = ["m-a", "m-b", "m-c"];
        foreach (var model in models)
        {
            await ScoringSteps.RegisterAsync(harness, model);
        }

        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(harness, record.Uscc);
        for (var i = 0; i < perSubject; i++)
        {
            await ScoringSteps.JsonAsync(await ScoringSteps.ScoreAsync(harness, record.Uscc, models[i % models.Length]));
        }

        // m-c has answered once and m-b twice: each is far under its own limit of 10, the subject is not.
        using var refused = await ScoringSteps.ScoreAsync(harness, record.Uscc, "m-c");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "query_limit_exceeded");
        var other = GroundTruth.All.First(r => ScoringSteps.Complete(r) && r.Uscc != record.Uscc).Uscc;
        await ScoringSteps.GrantScoreAsync(harness, other);
        await ScoringSteps.JsonAsync(await ScoringSteps.ScoreAsync(harness, other, "m-c")); // another enterprise has its own count

        // Rebuilt from the audit log: a restart forgets nothing.
        await harness.RestartGatewayAsync();
        await ProblemAssert.IsProblemAsync(await ScoringSteps.ScoreAsync(harness, record.Uscc, "m-a"), HttpStatusCode.TooManyRequests, "query_limit_exceeded");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(-2)] // the same subject twice
    public async Task Batch_RefusesAnEmptyOversizedOrRepeatingSubjectList_AsAWhole(int count)
    {
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var subjects = count == -2
            ? [GroundTruth.All[0].Uscc, GroundTruth.All[0].Uscc]
            : Enumerable.Range(0, count).Select(i => GroundTruth.All[i % GroundTruth.All.Count].Uscc + (i >= GroundTruth.All.Count ? "x" + i : "")).ToArray();

        using var response = await _harness.Client.SendAsync(
            _harness.Post("/v1/scores/batch", new { subjects, purpose = "pre-loan", model = "pd-v3" }, ConsentSteps.Bank(_harness)), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "too_many_subjects");
        Assert.DoesNotContain(AuditReader.ReadAll(_harness.AuditDatabasePath), e => (string?)e["kind"] == "score" && e["subject"] is not null);
    }

    private async Task AssertNotStoredAsync(string id)
    {
        using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/models/" + id, ConsentSteps.Bank(_harness)), Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "model_not_found");
        Assert.DoesNotContain(AuditReader.ReadAll(_harness.AuditDatabasePath), e => (string?)e["kind"] == "model-register" && (string?)e["decision"] == "allowed");
    }

    private static (BigInteger P, BigInteger Q) Primes()
    {
        var (p, q) = ScoringSteps.Key.ExportPrimes();
        return (Decode(p), Decode(q));
    }

    private static BigInteger Decode(string text) => new(Base64Url.DecodeFromChars(text), isUnsigned: true, isBigEndian: true);

    private static string Encode(BigInteger value) => Base64Url.EncodeToString(value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
