using System.Net;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>Bad configuration stops a start; a bad reload keeps the last good policy (STYLE.md, YARP's ConfigValidator).</summary>
public sealed class PolicyReloadTests
{
    [Fact]
    public async Task InvalidEdit_KeepsLastGoodPolicy_AndValidEditTakesEffect()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var subject = GroundTruth.All[3].Uscc;
        var json = $$"""{"subject":"{{subject}}","purpose":"in-loan","checks":[{"predicate":"ent.active"}]}""";
        var bank2 = harness.TokenFor(institution: "bank-002");
        var institutions = Path.Combine(harness.PoliciesDirectory, "institutions.yaml");
        var original = await File.ReadAllTextAsync(institutions, TestContext.Current.CancellationToken);

        // An invalid edit: bank-002 gains a purpose that does not exist, and a typo'd key.
        await File.WriteAllTextAsync(institutions, original.Replace("purposes: [pre-loan, post-loan]", "purposes: [pre-loan, in-loan, mystery]\n    tpyo: 1", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => harness.Policies.LastReloadErrors.Count > 0, TimeSpan.FromSeconds(20), "the policy watcher did not reload", TestContext.Current.CancellationToken);
        Assert.Contains(harness.Policies.LastReloadErrors, e => e.Contains("mystery", StringComparison.Ordinal) || e.Contains("tpyo", StringComparison.Ordinal));
        using (var stillRefused = await harness.Client.SendAsync(harness.PostRaw("/v1/verifications", json, bank2), TestContext.Current.CancellationToken))
        {
            await ProblemAssert.IsProblemAsync(stillRefused, HttpStatusCode.Forbidden, "purpose_not_allowed");
        }

        // A valid edit takes effect, and the audit entry carries the new version.
        await File.WriteAllTextAsync(institutions, original.Replace("purposes: [pre-loan, post-loan]", "purposes: [pre-loan, in-loan, post-loan]", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var before = harness.Policies.Current.Version;
        await Eventually.TrueAsync(() => harness.Policies.Current.Version != before, TimeSpan.FromSeconds(20), "the policy watcher did not reload", TestContext.Current.CancellationToken);
        using var allowed = await harness.Client.SendAsync(harness.PostRaw("/v1/verifications", json, bank2), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var entries = AuditReader.ReadAll(harness.AuditDatabasePath);
        Assert.NotEqual(entries[0]["policy_version"], entries[^1]["policy_version"]);
    }

    [Fact]
    public async Task Start_FailsListingEveryError_WhenPolicyIsInvalid()
    {
        var policies = TestMaterial.CopyPolicies();
        await File.WriteAllTextAsync(Path.Combine(policies, "limits.yaml"), "limits:\n  verification:\n    perSubjectPredicate: 0\n    period: forever\n    maxChecksPerRequest: 25\n", TestContext.Current.CancellationToken);
        await File.AppendAllTextAsync(Path.Combine(policies, "predicates.yaml"), "  tax.exactAmount: {}\n", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(policiesDirectory: policies));

        Assert.Contains("perSubjectPredicate", error.Message, StringComparison.Ordinal);
        Assert.Contains("period", error.Message, StringComparison.Ordinal);
        Assert.Contains("tax.exactAmount", error.Message, StringComparison.Ordinal);
    }
}
