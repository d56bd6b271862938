using System.Collections.Concurrent;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md C5: SIGTERM under load. `dg serve` stops within the host's shutdown timeout; the
/// requests in flight finish or are refused, never answered without their audit entry; nothing but
/// 200 and 503 is ever answered; and the log it leaves verifies and serves again on restart.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Clients = 64; // RELIABILITY.md C5

    [Fact]
    public async Task Sigterm_UnderLoad_StopsCleanly_AndEveryAcknowledgedAnswerHasItsEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = ServeWorkDirectory.Prepare("shutdown", policies =>
        {
            ServeWorkDirectory.LiftVerificationLimit(policies);
            TestMaterial.DisableConsent(policies); // about shutdown, not consent
        });
        var token = DataGateway.Cli.Tokens.DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromHours(1), TimeProvider.System);
        var acknowledged = new ConcurrentDictionary<string, long>();
        var statuses = new ConcurrentDictionary<int, int>();

        int? exitCode;
        await using (var serve = await ServeProcess.StartAsync(work, ct))
        {
            using var client = new HttpClient { BaseAddress = new Uri(serve.Address) };
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(c => VerificationLoad.RunAsync(client, token, c, acknowledged, statuses, stop.Token)).ToArray();
            // SIGTERM once answers are flowing, so that requests are in flight when it arrives.
            await Eventually.TrueAsync(() => acknowledged.Count > 2 * Clients, TimeSpan.FromSeconds(30), "answers under load before SIGTERM", ct);

            exitCode = await serve.TerminateAsync(TimeSpan.FromSeconds(40)); // the host's default shutdown timeout is 30 s
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.Equal(0, exitCode);
        Assert.True(acknowledged.Count > Clients, "the load produced too few answers to test anything");
        Assert.All(statuses.Keys, status => Assert.Contains(status, new[] { 200, 503 }));

        var auditPath = Path.Combine(work, "data", "audit.db");
        var audited = AuditReader.ReadAll(auditPath).Where(e => e["client_request_id"] is string).ToList();
        var outcomes = audited.Where(e => (string)e["decision"]! != "intent").ToDictionary(e => (string)e["client_request_id"]!);
        var intents = audited.Where(e => (string)e["decision"]! == "intent").ToDictionary(e => (string)e["client_request_id"]!);
        foreach (var (requestId, index) in acknowledged)
        {
            Assert.True(outcomes.TryGetValue(requestId, out var entry), $"acknowledged request {requestId} has no audit entry");
            Assert.Equal(index, (long)entry["seq"]!);
            Assert.True(intents.ContainsKey(requestId), $"acknowledged request {requestId} has no intent entry");
        }

        var verification = AuditChainVerifier.Verify(auditPath);
        Assert.True(verification.Ok, verification.Problem);
        using (var connection = new SqliteConnection($"Data Source={auditPath};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        // The log it left passes the startup self-check: the restarted gateway serves.
        await using var restarted = await ServeProcess.StartAsync(work, ct);
        using var again = new HttpClient { BaseAddress = new Uri(restarted.Address) };
        using var ready = await again.GetAsync("/readyz", ct);
        Assert.True(ready.IsSuccessStatusCode, $"restarted gateway is not ready: {(int)ready.StatusCode}");
    }
}
