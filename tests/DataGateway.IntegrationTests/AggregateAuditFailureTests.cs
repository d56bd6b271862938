using System.Net;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md A9 for aggregates: when the audit log cannot record the answer, nothing is
/// released (503). The reservation made before the node computed stays spent, but the computed
/// answer was cached first, so the same query after the outage returns it at no further cost.
/// </summary>
public sealed class AggregateAuditFailureTests
{
    [Fact]
    public async Task Aggregate_Releases503ThenTheCachedAnswerFree_WhenAuditLogFailsThenRecovers()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var audit = (SqliteAuditLog)harness.GatewayServices.GetRequiredService<IAuditLog>();
        var query = new { metric = "count", groupBy = new[] { "registration.orgForm" }, epsilon = 0.4 };

        audit.ExecuteOnWriterConnection("PRAGMA query_only = 1");
        using (var refused = await AggregateCalls.PostAsync(harness, query))
        {
            var text = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_unavailable");
            Assert.DoesNotContain("groups", text, StringComparison.Ordinal);
        }

        Assert.Equal(400_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
        audit.ExecuteOnWriterConnection("PRAGMA query_only = 0");

        using var retried = await AggregateCalls.PostAsync(harness, query);
        var body = await AggregateCalls.OkAsync(retried);
        Assert.Equal(0m, body.GetProperty("epsilonSpent").GetDecimal());
        Assert.Equal(400_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
        Assert.Equal(6, body.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task Aggregate_Refuses503StoreUnavailable_WhenTheLedgerCannotReserve()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var locker = new SqliteConnection($"Data Source={Path.Combine(harness.WorkDirectory, "privacy.db")};Pooling=False");
        locker.Open();
        using (var exclusive = locker.CreateCommand())
        {
            // Another writer holds the ledger past the gateway's busy timeout: nothing can be paid for.
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
        }

        using var response = await AggregateCalls.PostAsync(harness, new { metric = "count", epsilon = 0.1 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store_unavailable");
        var entry = AuditReader.ReadAll(harness.AuditDatabasePath).Last();
        Assert.Equal(("aggregate", "failed", "store_unavailable"), ((string)entry["kind"]!, (string)entry["decision"]!, (string)entry["reason"]!));
    }
}
