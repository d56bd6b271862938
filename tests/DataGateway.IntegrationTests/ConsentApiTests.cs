using System.Net;
using System.Text;
using System.Text.Json;
using DataGateway.Cryptography.Signing;
using DataGateway.IntegrationTests.Support;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>The owner API: owners act only for their own enterprise; receipts are verifiable; bad grants store nothing.</summary>
public sealed class ConsentApiTests : IAsyncLifetime
{
    private static readonly string Alpha = GroundTruth.All[20].Uscc;
    private static readonly string Beta = GroundTruth.All[21].Uscc;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(autoConsent: false);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Grant_ReturnsReceiptThatVerifiesAgainstJwks_AndBreaksWhenOneByteChanges()
    {
        var grant = await GrantAsync(_harness, Alpha, GrantBody(_harness, categories: ["tax"]));
        Assert.StartsWith("cns_", grant.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(Alpha, grant.GetProperty("subject").GetString());
        Assert.Equal("active", grant.GetProperty("status").GetString());

        var jwksJson = await _harness.Client.GetStringAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken);
        Assert.True(JsonWebKeySet.TryParse(jwksJson, out var jwks));
        var receipt = grant.GetProperty("receipt").GetString()!;
        Assert.Equal(JwsStatus.Valid, CompactJws.Verify(receipt, jwks!, out var payload, out var header));
        Assert.Equal("dg-consent+jwt", header!.Typ);
        using var signed = JsonDocument.Parse(payload!);
        foreach (var member in new[] { "id", "subject", "institution", "expiresAt", "status" })
        {
            Assert.Equal(grant.GetProperty(member).GetString(), signed.RootElement.GetProperty(member).GetString());
        }

        Assert.Equal("tax", signed.RootElement.GetProperty("categories")[0].GetString());
        for (var i = 0; i < receipt.Length; i += 7)
        {
            var altered = new StringBuilder(receipt) { [i] = receipt[i] == 'A' ? 'B' : 'A' }.ToString();
            Assert.NotEqual(JwsStatus.Valid, CompactJws.Verify(altered, jwks!, out _, out _));
        }
    }

    [Fact]
    public async Task ClientReceiptVerifier_AcceptsTheGrant_AndRefusesAWidenedCopy()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_harness.GatewayAddress + "/") };
        var client = new DataGateway.Client.DataGatewayClient(http, Owner(_harness, Alpha));
        var view = await client.GrantConsentAsync(
            new DataGateway.Core.Contracts.ConsentRequest { Institution = "bank-001", Purposes = ["pre-loan"], Categories = ["tax"], ExpiresAt = _harness.Time.GetUtcNow().AddDays(30) },
            TestContext.Current.CancellationToken);
        var jwks = await client.GetJwksAsync(TestContext.Current.CancellationToken);

        Assert.True(DataGateway.Client.ConsentReceiptVerifier.Verify(view, jwks));
        Assert.False(DataGateway.Client.ConsentReceiptVerifier.Verify(view with { Categories = ["tax", "judicial"] }, jwks));
        Assert.False(DataGateway.Client.ConsentReceiptVerifier.Verify(view with { Institution = "bank-002" }, jwks));
    }

    [Fact]
    public async Task OwnerOfAnotherEnterprise_Gets404_OnReadAndRevoke_AndCannotGrantForIt()
    {
        var id = (await GrantAsync(_harness, Alpha, GrantBody(_harness))).GetProperty("id").GetString()!;
        var beta = Owner(_harness, Beta);

        using var read = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents/" + id, beta), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound, "consent_not_found");
        using var unknown = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents/cns_doesnotexist", beta), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "consent_not_found"); // same answer: existence is not confirmed
        using var revoke = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Delete, "/v1/consents/" + id, beta), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.NotFound, "consent_not_found");
        using var list = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents", beta), TestContext.Current.CancellationToken);
        Assert.Equal(0, JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("items").GetArrayLength());

        // Naming another subject in the body is refused: the subject comes only from the token.
        var smuggled = $$"""{"subject":"{{Alpha}}","institution":"bank-001","purposes":["pre-loan"],"expiresAt":"{{_harness.Time.GetUtcNow().AddDays(30):O}}"}""";
        using var grant = await _harness.Client.SendAsync(_harness.PostRaw("/v1/consents", smuggled, beta), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(grant, HttpStatusCode.BadRequest, "invalid_json");

        using var stillActive = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents/" + id, Owner(_harness, Alpha)), TestContext.Current.CancellationToken);
        Assert.Equal("active", JsonDocument.Parse(await stillActive.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Institution_ReadsOnlyGrantsMadeToIt_AndCannotGrantOrRevoke()
    {
        var toBank1 = (await GrantAsync(_harness, Alpha, GrantBody(_harness))).GetProperty("id").GetString()!;
        var toBank2 = (await GrantAsync(_harness, Alpha, GrantBody(_harness, institution: "bank-002"))).GetProperty("id").GetString()!;
        var bank1 = Bank(_harness);

        using var list = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents", bank1), TestContext.Current.CancellationToken);
        var items = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("items");
        Assert.Equal([toBank1], items.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        using var other = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents/" + toBank2, bank1), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound, "consent_not_found");
        // RELIABILITY.md G3: the attempt to read another bank's grant is on the record, as denied.
        Assert.Contains(AuditReader.ReadAll(_harness.AuditDatabasePath), e =>
            (string?)e["kind"] == "consent.read" && (string?)e["decision"] == "denied" && (string?)e["reason"] == "consent_not_found" &&
            (string?)e["institution"] == "bank-001");

        using var grant = await _harness.Client.SendAsync(_harness.Post("/v1/consents", GrantBody(_harness), bank1), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(grant, HttpStatusCode.Forbidden, "role_not_allowed");
        using var revoke = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Delete, "/v1/consents/" + toBank1, bank1), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.Forbidden, "role_not_allowed");
    }

    [Theory]
    [InlineData("past expiry", """{"institution":"bank-001","purposes":["pre-loan"],"expiresAt":"2020-01-01T00:00:00Z"}""", "invalid_expiry")]
    [InlineData("term over policy", """{"institution":"bank-001","purposes":["pre-loan"],"expiresAt":"2099-01-01T00:00:00Z"}""", "term_too_long")]
    [InlineData("unknown category", """{"institution":"bank-001","purposes":["pre-loan"],"categories":["tax","dna"],"expiresAt":"EXP"}""", "unknown_category")]
    [InlineData("empty purposes", """{"institution":"bank-001","purposes":[],"expiresAt":"EXP"}""", "empty_purposes")]
    [InlineData("unknown institution", """{"institution":"bank-999","purposes":["pre-loan"],"expiresAt":"EXP"}""", "unknown_institution")]
    [InlineData("duplicate member", """{"institution":"bank-001","institution":"bank-002","purposes":["pre-loan"],"expiresAt":"EXP"}""", "invalid_json")]
    [InlineData("unknown scope", """{"institution":"bank-001","purposes":["pre-loan"],"scopes":["aggregate"],"expiresAt":"EXP"}""", "unknown_scope")]
    [InlineData("unknown purpose", """{"institution":"bank-001","purposes":["marketing"],"expiresAt":"EXP"}""", "unknown_purpose")]
    [InlineData("no expiry", """{"institution":"bank-001","purposes":["pre-loan"]}""", "invalid_expiry")]
    public async Task Grant_Returns400WithStableCode_AndStoresNothing_WhenMalformed(string why, string body, string code)
    {
        var json = body.Replace("EXP", _harness.Time.GetUtcNow().AddDays(30).ToString("O"), StringComparison.Ordinal);
        var owner = Owner(_harness, Alpha);

        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/consents", json, owner), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
        using var list = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents", owner), TestContext.Current.CancellationToken);
        Assert.True(JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("items").GetArrayLength() == 0, why);
        // Nothing granted; the refusal itself is on the record (invariant 2: denied requests are logged too).
        var grants = AuditReader.ReadAll(_harness.AuditDatabasePath).Where(e => (string)e["kind"]! == "consent.grant").ToList();
        Assert.True(grants.All(e => (string?)e["decision"] == "denied" && (string?)e["reason"] == code), why);
        Assert.NotEmpty(grants);
    }

    [Fact]
    public async Task Revoke_ReturnsRevokedWithReceipt_IsAudited_AndListFiltersByStatus()
    {
        var keep = (await GrantAsync(_harness, Alpha, GrantBody(_harness))).GetProperty("id").GetString()!;
        var drop = (await GrantAsync(_harness, Alpha, GrantBody(_harness, purposes: ["post-loan"]))).GetProperty("id").GetString()!;

        using var revoke = await RevokeAsync(_harness, Alpha, drop);
        var revoked = JsonDocument.Parse(await revoke.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("changed bank", revoked.GetProperty("revokeReason").GetString());
        Assert.True(revoked.TryGetProperty("receipt", out _));
        using (var again = await RevokeAsync(_harness, Alpha, drop))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the first revocation stands; the retry is audited too
            var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal(revoked.GetProperty("revokedAt").GetString(), second.GetProperty("revokedAt").GetString());
        }

        using var active = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/consents?status=active", Owner(_harness, Alpha)), TestContext.Current.CancellationToken);
        var items = JsonDocument.Parse(await active.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("items");
        Assert.Equal([keep], items.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var events = AuditReader.ReadAll(_harness.AuditDatabasePath).Where(e => (string?)e["consent_id"] == drop).Select(e => (string)e["kind"]!);
        Assert.Equal(["consent.grant", "consent.revoke", "consent.revoke"], events);
    }
}
