using System.Net;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;

namespace DataGateway.IntegrationTests;

/// <summary>
/// ARCHITECTURE.md invariant 1 for scores: a node answer that is not exactly one valid ciphertext (or a
/// per-subject code) per subject asked is refused with 502 egress_violation and nothing of it is released.
/// </summary>
public sealed class ScoringEgressTests : IAsyncLifetime
{
    private StubNode _node = null!;
    private GatewayHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _node = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _node, autoConsent: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _node.DisposeAsync();
    }

    public static TheoryData<string> Violations => ["rawValue", "extraMember", "otherSubject", "notAUnit", "outOfRange", "twoResults", "unknownCode", "both"];

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task ANodeAnswerOutsideTheScoreSchema_Is502_AndReleasesNothing(string kind)
    {
        await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);
        var key = ScoringSteps.Key.PublicKey;
        var valid = key.EncryptSigned(42).ToBase64Url();
        var (p, _) = ScoringSteps.Key.ExportPrimes();
        object result = kind switch
        {
            "rawValue" => new { subject = record.Uscc, ciphertext = valid, taxPaid12m = record.TaxPaid12m },
            "extraMember" => new { subject = record.Uscc, ciphertext = valid, note = "x" },
            "otherSubject" => new { subject = "91350100M000100Y43", ciphertext = valid },
            "notAUnit" => new { subject = record.Uscc, ciphertext = p },
            "outOfRange" => new { subject = record.Uscc, ciphertext = System.Buffers.Text.Base64Url.EncodeToString((key.NSquared + 1).ToByteArray(true, true)) },
            "unknownCode" => new { subject = record.Uscc, problem = "tax_paid_is_50000" },
            "both" => new { subject = record.Uscc, ciphertext = valid, problem = "subject_not_found" },
            _ => new { subject = record.Uscc, ciphertext = valid },
        };
        object[] results = kind == "twoResults" ? [result, result] : [result];
        _node.Respond = async (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { results }), Ct);
        };

        using var response = await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3");

        var text = await response.Content.ReadAsStringAsync(Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "egress_violation");
        Assert.DoesNotContain(valid, text, StringComparison.Ordinal);
        var scores = AuditReader.ReadAll(_harness.AuditDatabasePath).Where(e => (string?)e["kind"] == "score").ToArray();
        Assert.Equal([("intent", "forwarding"), ("failed", "egress_violation")], scores.Select(e => ((string?)e["decision"], (string?)e["reason"])));
    }

    [Fact]
    public async Task TheNodeRequest_CarriesTheModelAndItsCommitment_WithAScoreTicket_AndNoClientHeader()
    {
        var registered = await ScoringSteps.RegisterAsync(_harness, "pd-v3");
        var (record, _) = GroundTruth.First(ScoringSteps.Complete);
        await ScoringSteps.GrantScoreAsync(_harness, record.Uscc);

        using var response = await ScoringSteps.ScoreAsync(_harness, record.Uscc, "pd-v3");

        var request = Assert.Single(_node.Requests, r => r.Path == "/internal/v1/scores");
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(registered.GetProperty("commitment").GetString(), body.RootElement.GetProperty("model").GetProperty("commitment").GetString());
        Assert.Equal([record.Uscc], body.RootElement.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        Assert.True(request.Headers.ContainsKey("DG-Ticket"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }
}
