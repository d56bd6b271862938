using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;
using DataGateway.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>An institution asks only what the enterprise authorized, at the time of the query (ARCHITECTURE.md invariant 4).</summary>
public sealed class ConsentEnforcementTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(_time, autoConsent: false);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Verify_Returns403ConsentRequired_AndAuditsIt_WhenNoGrantExists()
    {
        var subject = GroundTruth.All[10].Uscc;
        using var response = await VerifyAsync(_harness, subject);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "consent_required");
        var entry = AuditReader.ReadAll(_harness.AuditDatabasePath)[^1];
        Assert.Equal(("denied", "consent_required", subject), ((string)entry["decision"]!, (string)entry["reason"]!, (string)entry["subject"]!));
        Assert.Equal(0, IntentsFor(subject)); // no intent entry: the query never went towards a node
    }

    [Theory]
    [InlineData("institution", "consent_required")]
    [InlineData("purpose", "consent_scope")]
    [InlineData("scope", "consent_scope")]
    [InlineData("category", "consent_scope")]
    public async Task Verify_Returns403_WhenTheOnlyGrantDoesNotCoverTheQuery(string mismatch, string code)
    {
        var subject = GroundTruth.All[11].Uscc;
        await GrantAsync(_harness, subject, mismatch switch
        {
            "institution" => GrantBody(_harness, institution: "bank-002"),
            "purpose" => GrantBody(_harness, purposes: ["post-loan"]),
            "scope" => GrantBody(_harness, scopes: ["score"]),
            _ => GrantBody(_harness, categories: ["registration", "judicial"]),
        });

        using var response = await VerifyAsync(_harness, subject, predicate: "tax.noArrears");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, code);
        var entry = AuditReader.ReadAll(_harness.AuditDatabasePath)[^1];
        Assert.Equal(("verification", "denied", code), ((string)entry["kind"]!, (string)entry["decision"]!, (string)entry["reason"]!));
    }

    [Fact]
    public async Task Verify_CarriesConsentIdInAnswerAttestationAndAudit_WhenGrantCoversQuery()
    {
        var subject = GroundTruth.All[12].Uscc;
        var id = (await GrantAsync(_harness, subject, GrantBody(_harness, categories: ["registration", "tax"]))).GetProperty("id").GetString()!;

        using var response = await VerifyAsync(_harness, subject, predicate: "tax.noArrears");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken))!;
        Assert.Equal(id, answer.Consent);
        var jwks = await _harness.Client.GetStringAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken);
        Assert.True(JsonWebKeySet.TryParse(jwks, out var keys));
        Assert.Equal(JwsStatus.Valid, CompactJws.Verify(answer.Attestation, keys!, out var payload, out _));
        Assert.Equal(id, JsonDocument.Parse(payload!).RootElement.GetProperty("consent").GetString());
        var entry = AuditReader.ReadAll(_harness.AuditDatabasePath).Single(e => (long)e["seq"]! == answer.Receipt.EntryIndex);
        Assert.Equal(id, entry["consent_id"]);
    }

    [Fact]
    public async Task Verify_PutsConsentIdInTheNodeTicket_WhenGrantCoversQuery()
    {
        await using var node = await StubNode.StartAsync();
        await using var harness = await GatewayHarness.StartAsync(_time, stub: node, autoConsent: false);
        var subject = GroundTruth.All[17].Uscc;
        var id = (await GrantAsync(harness, subject, GrantBody(harness))).GetProperty("id").GetString()!;

        using var response = await VerifyAsync(harness, subject); // the stub answers 500: only the ticket matters here

        var ticket = Assert.Single(node.Requests).Headers["DG-Ticket"];
        var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(ticket.Split('.')[1])).RootElement;
        Assert.Equal(id, claims.GetProperty("cns").GetString());
    }

    [Fact]
    public async Task Verify_Returns403ConsentExpired_WhenClockPassesExpiresAt()
    {
        var subject = GroundTruth.All[13].Uscc;
        await GrantAsync(_harness, subject, GrantBody(_harness, days: 10));
        using (var before = await VerifyAsync(_harness, subject))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // RELIABILITY.md V3: one second before expiry it still answers; one second after, it is refused and nothing is forwarded.
        _time.Advance(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1));
        using (var lastSecond = await VerifyAsync(_harness, subject))
        {
            Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        var intentsBefore = IntentsFor(subject);

        using var after = await VerifyAsync(_harness, subject);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Forbidden, "consent_expired");
        Assert.Equal(intentsBefore, IntentsFor(subject));
    }

    [Fact]
    public async Task Verify_Returns403ConsentRevoked_AfterOwnerRevokes()
    {
        var subject = GroundTruth.All[14].Uscc;
        var id = (await GrantAsync(_harness, subject, GrantBody(_harness))).GetProperty("id").GetString()!;
        using (var revoked = await RevokeAsync(_harness, subject, id))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using var response = await VerifyAsync(_harness, subject);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "consent_revoked");
    }

    [Fact]
    public async Task Verify_Returns403ConsentExhausted_WhenMaxQueriesIsUsedUp()
    {
        var subject = GroundTruth.All[15].Uscc;
        await GrantAsync(_harness, subject, GrantBody(_harness, maxQueries: 2));
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await VerifyAsync(_harness, subject);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await VerifyAsync(_harness, subject);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "consent_exhausted");
    }

    [Fact]
    public async Task Verify_AnswersWithoutGrant_WhenPolicySaysPurposeNeedsNoConsent()
    {
        var policies = TestMaterial.CopyPolicies();
        TestMaterial.DisableConsent(policies);
        await using var harness = await GatewayHarness.StartAsync(_time, policiesDirectory: policies, autoConsent: false);
        using var response = await VerifyAsync(harness, GroundTruth.All[16].Uscc);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken))!.Consent);
    }

    // Every node call is preceded by its durable intent entry, so no intent means no node was asked.
    private int IntentsFor(string subject) =>
        AuditReader.ReadAll(_harness.AuditDatabasePath).Count(e => (string?)e["subject"] == subject && (string?)e["decision"] == "intent");
}
