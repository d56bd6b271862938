using System.Net;
using System.Text.Json;
using DataGateway.Core.Catalog;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Budget;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// <c>POST /v1/aggregates</c> end to end (real gateway, real node): every group of the public domain
/// is answered or suppressed, no group under the floor is released, the budget is spent and audited.
/// </summary>
public sealed class AggregateEndToEndTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Aggregate_AnswersEveryGroupOfTheDomain_WhenCountByOrgForm()
    {
        using var response = await AggregateCalls.PostAsync(_harness, new { metric = "count", groupBy = new[] { "registration.orgForm" }, epsilon = 0.5 });

        var body = await AggregateCalls.OkAsync(response);
        var groups = body.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(FieldCatalog.OrgForms, groups.Select(g => g.GetProperty("key").GetProperty("registration.orgForm").GetString()));
        Assert.Equal(0.5m, body.GetProperty("epsilonSpent").GetDecimal());
        Assert.Equal(2.5m, body.GetProperty("budgetRemaining").GetDecimal());
        Assert.Equal("discrete-laplace", body.GetProperty("mechanism").GetString());
        Assert.True(body.GetProperty("receipt").GetProperty("entryIndex").GetInt64() >= 0);
        Assert.Contains(groups, g => !g.GetProperty("suppressed").GetBoolean()); // LLC holds most of the 400 records
        foreach (var group in groups)
        {
            // Released and suppressed groups share one shape; only a released group has a value.
            Assert.Equal(group.GetProperty("suppressed").GetBoolean(), !group.TryGetProperty("value", out _));
        }

        Assert.Equal(500_000, await AggregateCalls.SpentAsync(_harness, "bank-001"));
    }

    [Fact]
    public async Task Aggregate_ReleasesMeansWithinTheClampBounds_WhenMeanByTaxGradeFiltered()
    {
        using var response = await AggregateCalls.PostAsync(_harness, new
        {
            metric = "mean", field = "tax.paid12m", groupBy = new[] { "tax.grade" },
            filter = new Dictionary<string, string[]> { ["registration.status"] = ["ACTIVE"], ["tax.grade"] = ["B", "A"] },
            epsilon = 1.0,
        });

        var groups = (await AggregateCalls.OkAsync(response)).GetProperty("groups").EnumerateArray().ToArray();
        // Filtered values follow the dimension's domain order, whatever order the request used.
        Assert.Equal(["A", "B"], groups.Select(g => g.GetProperty("key").GetProperty("tax.grade").GetString()));
        foreach (var group in groups.Where(g => !g.GetProperty("suppressed").GetBoolean()))
        {
            Assert.InRange(group.GetProperty("value").GetDecimal(), 0m, 5_000_000m);
        }
    }

    [Fact]
    public async Task Aggregate_NeverReleasesAGroupBelowTheFloor_WhenProvinceByIndustry()
    {
        var floor = _harness.Policies.Current.Aggregates.Suppression.HardFloor;
        var truth = GroundTruth.All
            .GroupBy(r => (r.Division[..2], r.Industry))
            .ToDictionary(g => g.Key, g => g.Count());

        using var response = await AggregateCalls.PostAsync(_harness, new
        {
            metric = "count", groupBy = new[] { "registration.province", "registration.industry" }, epsilon = 1.0,
        });

        var groups = (await AggregateCalls.OkAsync(response)).GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(FieldCatalog.Provinces.Count * FieldCatalog.Industries.Count, groups.Length);
        Assert.Contains(truth, t => t.Value is > 0 and < 10); // the dataset has small groups to withhold
        foreach (var group in groups.Where(g => !g.GetProperty("suppressed").GetBoolean()))
        {
            var key = group.GetProperty("key");
            var count = truth.GetValueOrDefault((key.GetProperty("registration.province").GetString()!, key.GetProperty("registration.industry").GetString()!));
            Assert.True(count >= floor, $"released a group with true count {count} < {floor}");
        }
    }

    [Fact]
    public async Task Aggregate_IsAudited_WithHashAndEpsilon_ButNoValues()
    {
        using var response = await AggregateCalls.PostAsync(_harness, new { metric = "sum", field = "tax.paid12m", groupBy = new[] { "tax.grade" }, epsilon = 0.25 });
        var body = await AggregateCalls.OkAsync(response);
        var index = body.GetProperty("receipt").GetProperty("entryIndex").GetInt64();

        var entry = AuditReader.ReadAll(_harness.AuditDatabasePath).Single(e => (long)e["seq"]! == index);

        Assert.Equal(("aggregate", "allowed", "ok"), ((string)entry["kind"]!, (string)entry["decision"]!, (string)entry["reason"]!));
        Assert.False(string.IsNullOrEmpty(entry["query_hash"] as string));
        Assert.False(string.IsNullOrEmpty(entry["result_digest"] as string));
        var row = string.Join('|', entry.Values.Select(v => v?.ToString()));
        Assert.Contains("epsilon:0.25", row, StringComparison.Ordinal);
        Assert.Contains("spent:0.25", row, StringComparison.Ordinal);
        foreach (var group in body.GetProperty("groups").EnumerateArray().Where(g => g.TryGetProperty("value", out _)))
        {
            Assert.DoesNotContain(group.GetProperty("value").GetRawText(), row, StringComparison.Ordinal);
        }
    }
}

/// <summary>Calls and ledger reads shared by the aggregate test classes.</summary>
internal static class AggregateCalls
{
    public static async Task<HttpResponseMessage> PostAsync(GatewayHarness harness, object body, string institution = "bank-001", string? token = null)
    {
        using var request = harness.Post("/v1/aggregates", body, token ?? harness.TokenFor(institution: institution));
        return await harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(GatewayHarness harness, string json, string institution = "bank-001")
    {
        using var request = harness.PostRaw("/v1/aggregates", json, harness.TokenFor(institution: institution));
        return await harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<long> SpentAsync(GatewayHarness harness, string institution)
    {
        var period = harness.Policies.Current.Aggregates.PeriodStart(harness.Time.GetUtcNow());
        return harness.GatewayServices.GetRequiredService<SqlitePrivacyLedger>().SpentAsync(institution, period, TestContext.Current.CancellationToken);
    }

    /// <summary>A copy of the shipped policies with another budget cap per period.</summary>
    public static string PoliciesWithCap(string cap)
    {
        var policies = TestMaterial.CopyPolicies();
        var file = Path.Combine(policies, "aggregates.yaml");
        var text = File.ReadAllText(file);
        Assert.Contains("budgetCap: \"3.0\"", text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace("budgetCap: \"3.0\"", $"budgetCap: \"{cap}\"", StringComparison.Ordinal));
        return policies;
    }
}
