using System.Net;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md A9 and design consequence 1 (audit-before-forward) for aggregates. The intent entry is
/// durable before any epsilon is spent or any node computes, so a log that cannot record refuses with
/// nothing spent and no node asked. When the log fails after the nodes computed, nothing is released
/// (503) and the reservation stays spent, but the answer was cached first, so the same query after the
/// outage returns it at no further cost.
/// </summary>
public sealed class AggregateAuditFailureTests
{
    private static readonly object Query = new { metric = "count", groupBy = new[] { "tax.grade" }, filter = new Dictionary<string, string[]> { ["tax.grade"] = ["A", "B"] }, epsilon = 0.4 };
    private const string NodeAnswer = """{"asOf":"2026-10-31","groups":[{"key":["A"],"count":1000000,"clampedSum":0},{"key":["B"],"count":5,"clampedSum":0}]}""";

    [Fact]
    public async Task Aggregate_Refuses503WithNothingSpentAndNoNodeAsked_WhenTheLogCannotRecordTheIntent()
    {
        await using var stub = await StubNode.StartAsync();
        stub.Respond = (_, context) => AnswerAsync(context);
        await using var harness = await GatewayHarness.StartAsync(stub: stub);
        var audit = (SqliteAuditLog)harness.GatewayServices.GetRequiredService<IAuditLog>();

        audit.ExecuteOnWriterConnection("PRAGMA query_only = 1");
        using (var refused = await AggregateCalls.PostAsync(harness, Query))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_unavailable");
        }

        Assert.Empty(stub.Requests);
        Assert.Equal(0, await AggregateCalls.SpentAsync(harness, "bank-001"));
        audit.ExecuteOnWriterConnection("PRAGMA query_only = 0");

        using var answered = await AggregateCalls.PostAsync(harness, Query);
        Assert.Equal(0.4m, (await AggregateCalls.OkAsync(answered)).GetProperty("epsilonSpent").GetDecimal());
        var entries = AuditReader.ReadAll(harness.AuditDatabasePath).Where(e => (string)e["kind"]! == "aggregate").ToList();
        Assert.Equal(["intent", "allowed"], entries.Select(e => (string)e["decision"]!));
        Assert.Equal((string?)entries[0]["query_hash"], (string?)entries[1]["query_hash"]);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Aggregate_Releases503ThenTheCachedAnswerFree_WhenTheLogFailsAfterTheNodesComputed()
    {
        await using var stub = await StubNode.StartAsync();
        await using var harness = await GatewayHarness.StartAsync(stub: stub);
        var audit = (SqliteAuditLog)harness.GatewayServices.GetRequiredService<IAuditLog>();

        // The log fails while the node computes: after the intent, before the outcome.
        stub.Respond = (_, context) =>
        {
            audit.ExecuteOnWriterConnection("PRAGMA query_only = 1");
            return AnswerAsync(context);
        };
        using (var refused = await AggregateCalls.PostAsync(harness, Query))
        {
            var text = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_unavailable");
            Assert.DoesNotContain("groups", text, StringComparison.Ordinal);
        }

        Assert.Equal(400_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
        audit.ExecuteOnWriterConnection("PRAGMA query_only = 0");
        stub.Respond = (_, context) => AnswerAsync(context);

        using var retried = await AggregateCalls.PostAsync(harness, Query);
        var body = await AggregateCalls.OkAsync(retried);
        Assert.Equal(0m, body.GetProperty("epsilonSpent").GetDecimal());
        Assert.Equal(400_000, await AggregateCalls.SpentAsync(harness, "bank-001"));
        Assert.Equal(2, body.GetProperty("groups").GetArrayLength());
        Assert.Single(stub.Requests); // the retry was served from the cache, not recomputed
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

    private static async Task AnswerAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(NodeAnswer);
    }
}
