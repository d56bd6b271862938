using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md A9 and C1 for verifications: the intent of a query is durable in the audit log
/// before any node sees it, so an audit store that cannot record fails the request closed (503)
/// with the echo node receiving nothing, and every request a node saw has its intent entry.
/// </summary>
public sealed class VerificationAuditBeforeForwardTests : IAsyncLifetime
{
    private static readonly string Subject = GroundTruth.All[0].Uscc;
    private StubNode _stub = null!;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _stub = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _stub);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _stub.DisposeAsync();
    }

    // The store's own failure modes (full, locked, read-only) are each tried in Storage's AuditFailClosedTests;
    // here one of them shows what the pipeline does with any of them.
    [Fact]
    public async Task AnAuditStoreThatCannotRecord_Gets503_AndTheNodeReceivesNothing()
    {
        var audit = (SqliteAuditLog)_harness.GatewayServices.GetRequiredService<IAuditLog>();
        var before = AuditReader.ReadAll(_harness.AuditDatabasePath).Count;
        audit.ExecuteOnWriterConnection("PRAGMA query_only = 1");
        try
        {
            using var refused = await VerifyAsync();
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_unavailable");
        }
        finally
        {
            audit.ExecuteOnWriterConnection("PRAGMA query_only = 0");
        }

        Assert.Empty(_stub.Requests);
        Assert.Equal(before, AuditReader.ReadAll(_harness.AuditDatabasePath).Count);
    }

    [Fact]
    public async Task EveryRequestTheNodeSees_HasAnIntentEntryWrittenBeforeIt_ThenItsOutcome()
    {
        // The echo node answers 500, so the outcome is a failure; what matters is the order of entries.
        using var response = await VerifyAsync();
        Assert.True((int)response.StatusCode >= 500, $"a node answering 500 must fail the request, got {response.StatusCode}");

        var seen = Assert.Single(_stub.Requests);
        var bodyHash = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(seen.Body)));
        var entries = AuditReader.ReadAll(_harness.AuditDatabasePath).Where(e => (string?)e["query_hash"] == bodyHash).ToList();
        Assert.Equal(["intent", "failed"], entries.Select(e => (string)e["decision"]!));
        Assert.Equal("forwarding", (string)entries[0]["reason"]!);
        Assert.True((long)entries[0]["seq"]! < (long)entries[1]["seq"]!);
        Assert.Null(entries[0]["result_digest"]);
    }

    private Task<HttpResponseMessage> VerifyAsync() => _harness.Client.SendAsync(
        _harness.Post("/v1/verifications", new { subject = Subject, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } }, _harness.TokenFor()),
        TestContext.Current.CancellationToken);
}
