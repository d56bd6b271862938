using System.Net;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.DependencyInjection;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>Per-purpose consent policy is validated like the rest, and consent events fail closed with the audit log.</summary>
public sealed class ConsentPolicyTests
{
    private static readonly string Subject = GroundTruth.All[60].Uscc;

    [Fact]
    public async Task Grant_RespectsPurposeTermAndCategories_FromPolicy()
    {
        var policies = TestMaterial.CopyPolicies();
        var purposes = Path.Combine(policies, "purposes.yaml");
        await File.WriteAllTextAsync(purposes, (await File.ReadAllTextAsync(purposes, TestContext.Current.CancellationToken))
            .Replace("  - id: pre-loan\n", "  - id: pre-loan\n    maxTermDays: 30\n    categories: [registration, tax]\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: policies, autoConsent: false);
        var owner = Owner(harness, Subject);

        using (var tooLong = await harness.Client.SendAsync(harness.Post("/v1/consents", GrantBody(harness, days: 31), owner), TestContext.Current.CancellationToken))
        {
            await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest, "term_too_long");
        }

        using (var judicial = await harness.Client.SendAsync(harness.Post("/v1/consents", GrantBody(harness, categories: ["judicial"], days: 20), owner), TestContext.Current.CancellationToken))
        {
            await ProblemAssert.IsProblemAsync(judicial, HttpStatusCode.BadRequest, "category_not_allowed");
        }

        var granted = await GrantAsync(harness, Subject, GrantBody(harness, days: 30));
        Assert.Equal(["registration", "tax"], granted.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Start_FailsListingEveryConsentRuleError_WhenPurposesAreInvalid()
    {
        var policies = TestMaterial.CopyPolicies();
        var purposes = Path.Combine(policies, "purposes.yaml");
        await File.WriteAllTextAsync(purposes, (await File.ReadAllTextAsync(purposes, TestContext.Current.CancellationToken))
            .Replace("  - id: pre-loan\n", "  - id: pre-loan\n    maxTermDays: 0\n    categories: [tax, dna]\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(policiesDirectory: policies, autoConsent: false));

        Assert.Contains("maxTermDays", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dna'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_Returns503AndStoresNothing_WhenAuditLogCannotRecordIt()
    {
        await using var harness = await GatewayHarness.StartAsync(autoConsent: false);
        var audit = (SqliteAuditLog)harness.GatewayServices.GetRequiredService<IAuditLog>();
        audit.ExecuteOnWriterConnection("PRAGMA query_only = 1");
        using (var refused = await harness.Client.SendAsync(harness.Post("/v1/consents", GrantBody(harness), Owner(harness, Subject)), TestContext.Current.CancellationToken))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_unavailable");
        }

        audit.ExecuteOnWriterConnection("PRAGMA query_only = 0");
        using var list = await harness.Client.SendAsync(harness.Send(HttpMethod.Get, "/v1/consents", Owner(harness, Subject)), TestContext.Current.CancellationToken);
        Assert.Equal(0, JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("items").GetArrayLength());
        using var query = await VerifyAsync(harness, Subject);
        await ProblemAssert.IsProblemAsync(query, HttpStatusCode.Forbidden, "consent_required");
    }

    [Fact]
    public async Task Revoke_StillTakesEffect_WhenAuditLogFailsToRecordIt()
    {
        await using var harness = await GatewayHarness.StartAsync(autoConsent: false);
        var id = (await GrantAsync(harness, Subject, GrantBody(harness))).GetProperty("id").GetString()!;
        var audit = (SqliteAuditLog)harness.GatewayServices.GetRequiredService<IAuditLog>();
        audit.ExecuteOnWriterConnection("PRAGMA query_only = 1");
        using (var revoke = await RevokeAsync(harness, Subject, id))
        {
            await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.ServiceUnavailable, "audit_unavailable");
        }

        audit.ExecuteOnWriterConnection("PRAGMA query_only = 0");
        using (var query = await VerifyAsync(harness, Subject))
        {
            await ProblemAssert.IsProblemAsync(query, HttpStatusCode.Forbidden, "consent_revoked");
        }

        // The owner's retry completes the audit record.
        using (var retry = await RevokeAsync(harness, Subject, id))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        Assert.Contains(AuditReader.ReadAll(harness.AuditDatabasePath), e => (string)e["kind"]! == "consent.revoke" && (string?)e["consent_id"] == id);
    }
}
