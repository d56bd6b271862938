using System.Net;
using DataGateway.Gateway.Auditing;
using DataGateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md A1, A3: at start the gateway checks the log's tail against its last signed checkpoint. A changed
/// column, a cut tail or a broken checkpoint keeps it up but refusing every query (503 audit_corrupt, /readyz down);
/// an untouched log serves.
/// </summary>
public sealed class AuditSelfCheckTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await GatewayHarness.StartAsync(logToFiles: true);
        for (var i = 0; i < 4; i++)
        {
            await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[40 + i].Uscc, _harness.TokenFor());
        }

        // A checkpoint now covers every entry (consent grants and the four answers).
        var head = await AuditSteps.GetJsonAsync(_harness.Client, "/v1/audit/tree-head", _harness.TokenFor("auditor"));
        Assert.True(head.GetProperty("treeSize").GetInt64() >= 4);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Restart_Serves_WhenTheLogIsUntouched()
    {
        await _harness.RestartGatewayAsync();

        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[50].Uscc, _harness.TokenFor());
        using var ready = await _harness.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("actor = actor || 'x'")]
    [InlineData("ts = ts + 1")]
    [InlineData("subject = '91110108PDY00001XU'")]
    [InlineData("decision = 'denied'")]
    [InlineData("result_digest = 'AAAA'")]
    [InlineData("predicates = '[]'")]
    [InlineData("latency_micros = latency_micros + 1")]
    [InlineData("prev_hash = randomblob(32)")]
    [InlineData("entry_hash = randomblob(32)")]
    public async Task Restart_RefusesQueries_WhenAColumnOfACheckpointedEntryWasChanged(string change)
    {
        // The first answer's entry lies deep inside the checkpoint, not at the tail the open-time check reads.
        Assert.Equal(1, AuditSteps.Execute(_harness.AuditDatabasePath, $"UPDATE audit_entries SET {change} WHERE seq = (SELECT MIN(seq) FROM audit_entries WHERE kind = 'verification')"));

        await _harness.RestartGatewayAsync();

        await AssertRefusesAsync();
    }

    [Theory]
    [InlineData("actor = actor || 'x'", "leaf_mismatch", true)]
    [InlineData("ts = ts + 1", "leaf_mismatch", true)]
    [InlineData("prev_hash = randomblob(32)", "prev_hash_mismatch", true)]
    [InlineData("entry_hash = randomblob(32)", "entry_hash_mismatch", true)]
    [InlineData("decision = 'denied'", "leaf_mismatch", false)]
    public async Task SelfCheck_NamesTheFirstBadEntry_UnderOrAfterTheCheckpoint(string change, string reason, bool underCheckpoint)
    {
        // Two more answers after the checkpoint: entries the chain covers but no checkpoint yet.
        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[52].Uscc, _harness.TokenFor());
        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[53].Uscc, _harness.TokenFor());
        var entries = AuditReader.ReadAll(_harness.AuditDatabasePath);
        var verifications = entries.Where(e => (string)e["kind"]! == "verification").Select(e => (long)e["seq"]!).ToList();
        var target = underCheckpoint ? verifications[1] : verifications[^2];
        AuditSteps.Execute(_harness.AuditDatabasePath, $"UPDATE audit_entries SET {change} WHERE seq = {target}");

        var result = _harness.GatewayServices.GetRequiredService<AuditSelfCheck>().Run();

        Assert.Equal((false, reason, target), (result.Ok, result.Reason, result.Index));
    }

    [Fact]
    public async Task FailedSelfCheck_LogsACriticalAlertNamingTheFirstBadEntry()
    {
        var target = AuditReader.ReadAll(_harness.AuditDatabasePath).First(e => (string)e["kind"]! == "verification")["seq"];
        AuditSteps.Execute(_harness.AuditDatabasePath, $"UPDATE audit_entries SET actor = actor || 'x' WHERE seq = {target}");

        await _harness.RestartGatewayAsync();
        await AssertRefusesAsync();
        await _harness.RestartGatewayAsync(); // stops the host, which flushes its log files

        var log = await HostLogs.ReadAsync(_harness.LogDirectory!, "gateway", TestContext.Current.CancellationToken);
        var alert = log.Split('\n').FirstOrDefault(line => line.Contains("ALERT audit self-check failed", StringComparison.Ordinal));
        Assert.NotNull(alert);
        Assert.Contains("\"@l\":\"Fatal\"", alert, StringComparison.Ordinal);
        Assert.Contains($"\"Index\":{target}", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_RefusesQueries_WhenTheTailUnderTheCheckpointWasDeleted()
    {
        AuditSteps.Execute(_harness.AuditDatabasePath, "DELETE FROM audit_entries WHERE seq >= (SELECT MAX(seq) - 1 FROM audit_entries)");

        await _harness.RestartGatewayAsync();

        await AssertRefusesAsync();
    }

    [Fact]
    public async Task Restart_RefusesQueries_WhenTheTailAndItsTreeNodesWereDeleted()
    {
        // A careful operator also cuts the Merkle tree to match; only the signed checkpoint still remembers.
        var cut = AuditReader.ReadAll(_harness.AuditDatabasePath).Count - 2;
        AuditSteps.Execute(_harness.AuditDatabasePath, $"DELETE FROM audit_entries WHERE seq >= {cut}");
        AuditSteps.Execute(_harness.AuditDatabasePath, $"DELETE FROM merkle_nodes WHERE ((idx + 1) << level) > {cut}");

        await _harness.RestartGatewayAsync();

        await AssertRefusesAsync();
    }

    [Fact]
    public async Task Restart_RefusesQueries_WhenTheStoredCheckpointIsNotGenuine()
    {
        AuditSteps.Execute(_harness.AuditDatabasePath, "UPDATE audit_checkpoints SET note = replace(note, 'datagateway.dev/audit\n', 'datagateway.dev/audit \n') WHERE tree_size = (SELECT MAX(tree_size) FROM audit_checkpoints)");

        await _harness.RestartGatewayAsync();

        await AssertRefusesAsync();
    }

    private async Task AssertRefusesAsync()
    {
        using var refused = await _harness.Client.SendAsync(AuditSteps.Verification(GroundTruth.All[51].Uscc, _harness.TokenFor()), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_corrupt");
        using var shouting = _harness.Send(HttpMethod.Post, "/V1/Verifications/", _harness.TokenFor()); // routing ignores case; so must the gate
        shouting.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var refusedToo = await _harness.Client.SendAsync(shouting, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(refusedToo, HttpStatusCode.ServiceUnavailable, "audit_corrupt");
        using var ready = await _harness.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
