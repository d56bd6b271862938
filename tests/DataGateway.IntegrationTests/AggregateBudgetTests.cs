using System.Net;
using System.Text.Json;
using DataGateway.Core.Catalog;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md D1 and D8: the budget never overspends under concurrency, an exhausted budget
/// says when it refills, and an identical query is answered again identically at no cost.
/// </summary>
public sealed class AggregateBudgetTests
{
    // RELIABILITY.md D1 asks for 20 iterations in CI: a race that loses once in a few runs must not pass by luck.
    public static TheoryData<int> Iterations() => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(Iterations))]
    public async Task Aggregate_AdmitsExactlyTen_When64ConcurrentTenthsAgainstCapOne(int iteration)
    {
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: AggregateCalls.PoliciesWithCap("1.0"));
        // 64 distinct queries (no two share a cache entry), all at epsilon 0.1, all at once.
        var queries = FieldCatalog.Provinces
            .SelectMany(p => new[] { "count", "sum", "mean" }.Select(m => (Province: p, Metric: m)))
            .Take(64)
            .Select(q => new
            {
                metric = q.Metric,
                field = q.Metric == "count" ? null : "tax.paid12m",
                groupBy = new[] { "tax.grade" },
                filter = new Dictionary<string, string[]> { ["registration.province"] = [q.Province] },
                epsilon = 0.1,
            })
            .ToArray();
        Assert.Equal(64, queries.Length);

        var responses = await Task.WhenAll(queries.Select(q => Task.Run(() => AggregateCalls.PostAsync(harness, q), TestContext.Current.CancellationToken)));

        try
        {
            var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key} x {g.Count()}"));
            Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) == 10, $"iteration {iteration}: {statuses}");
            var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToArray();
            Assert.Equal(54, refused.Length);
            foreach (var response in refused)
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "budget_exhausted");
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
            }

            Assert.Equal(1_000_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
            var audited = AuditReader.ReadAll(harness.AuditDatabasePath).Where(e => (string)e["kind"]! == "aggregate").ToArray();
            Assert.Equal(10, audited.Count(e => (string)e["decision"]! == "allowed"));
            Assert.Equal(54, audited.Count(e => (string)e["reason"]! == "budget_exhausted"));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Aggregate_ReturnsTheSameAnswerAtNoCost_WhenTheSameQueryIsAskedAgain()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var query = new { metric = "mean", field = "tax.paid12m", groupBy = new[] { "registration.orgForm" }, epsilon = 0.5 };

        using var first = await AggregateCalls.PostAsync(harness, query);
        var firstBody = await AggregateCalls.OkAsync(first);
        using var second = await AggregateCalls.PostAsync(harness, query);
        var secondBody = await AggregateCalls.OkAsync(second);

        Assert.Equal(firstBody.GetProperty("groups").GetRawText(), secondBody.GetProperty("groups").GetRawText());
        Assert.Equal((0.5m, 2.5m), (firstBody.GetProperty("epsilonSpent").GetDecimal(), firstBody.GetProperty("budgetRemaining").GetDecimal()));
        Assert.Equal((0m, 2.5m), (secondBody.GetProperty("epsilonSpent").GetDecimal(), secondBody.GetProperty("budgetRemaining").GetDecimal()));
        Assert.Equal(500_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
        // Each answer has its own audit entry: the repeat is visible to auditors even though it is free.
        Assert.NotEqual(Receipt(firstBody), Receipt(secondBody));

        // Another epsilon is another query: fresh noise, paid for.
        using var third = await AggregateCalls.PostAsync(harness, query with { epsilon = 0.25 });
        Assert.Equal(0.25m, (await AggregateCalls.OkAsync(third)).GetProperty("epsilonSpent").GetDecimal());
        Assert.Equal(750_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
    }

    [Fact]
    public async Task Aggregate_SaysWhenTheBudgetRefills_WhenExhausted()
    {
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: AggregateCalls.PoliciesWithCap("1.0"));
        using (var spend = await AggregateCalls.PostAsync(harness, new { metric = "count", epsilon = 1.0 }))
        {
            await AggregateCalls.OkAsync(spend);
        }

        var before = TimeProvider.System.GetUtcNow();
        using var refused = await AggregateCalls.PostAsync(harness, new { metric = "count", groupBy = new[] { "tax.grade" }, epsilon = 0.1 });
        var after = TimeProvider.System.GetUtcNow();

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "budget_exhausted");
        var rules = harness.Policies.Current.Aggregates;
        var nextPeriod = rules.PeriodStart(after) + rules.Period;
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, Math.Floor((nextPeriod - after).TotalSeconds), Math.Ceiling((nextPeriod - before).TotalSeconds));
        Assert.Equal(1_000_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
    }

    private static long Receipt(JsonElement body) => body.GetProperty("receipt").GetProperty("entryIndex").GetInt64();
}
