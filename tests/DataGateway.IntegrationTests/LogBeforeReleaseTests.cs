using System.Collections.Concurrent;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Invariant 2: no answer is released before its audit entry is durable. SIGKILL the serving
/// process under concurrent load, restart, repeat: every request that received a 2xx has its
/// entry, and the hash chain verifies (RELIABILITY.md C1).
/// </summary>
public sealed class LogBeforeReleaseTests
{
    // RELIABILITY.md C1 (CI tier): 64 clients, 10 kill cycles, each kill at a random 0.5-5 s.
    private const int Clients = 64;
    private const int Cycles = 10;

    [Fact]
    public async Task EveryAcknowledgedAnswer_HasItsAuditEntry_AfterRepeatedSigkill()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Environment.TickCount;
        var random = new Random(seed); // test scheduling only, not security
        var work = ServeWorkDirectory.Prepare("crash", policies =>
        {
            // 64 clients over 400 subjects would reach the per-subject limit; this run is about durability.
            ServeWorkDirectory.LiftVerificationLimit(policies);
            TestMaterial.DisableConsent(policies); // about durability, not consent
        });
        var acknowledged = new ConcurrentDictionary<string, long>();
        var statuses = new ConcurrentDictionary<int, int>();
        var token = DataGateway.Cli.Tokens.DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromHours(1), TimeProvider.System);

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await using var serve = await ServeProcess.StartAsync(work, ct);
            using var client = new HttpClient { BaseAddress = new Uri(serve.Address) };
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(c => VerificationLoad.RunAsync(client, token, c, acknowledged, statuses, stop.Token)).ToArray();
            await Task.Delay(TimeSpan.FromMilliseconds(500 + random.Next(4500)), ct);
            await serve.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.True(acknowledged.Count > Cycles, $"load produced too few answers to test anything (seed {seed})");
        var auditPath = Path.Combine(work, "data", "audit.db");
        // Each forwarded request has an intent entry written before the node saw it, then its outcome.
        var audited = AuditReader.ReadAll(auditPath).Where(e => e["client_request_id"] is string).ToList();
        var intents = audited.Where(e => (string)e["decision"]! == "intent").ToDictionary(e => (string)e["client_request_id"]!);
        var outcomes = audited.Where(e => (string)e["decision"]! != "intent").ToDictionary(e => (string)e["client_request_id"]!);
        foreach (var (requestId, index) in acknowledged)
        {
            Assert.True(outcomes.TryGetValue(requestId, out var entry), $"acknowledged request {requestId} has no audit entry (seed {seed})");
            Assert.Equal(index, (long)entry["seq"]!);
            Assert.Equal("allowed", entry["decision"]);
            Assert.True(intents.TryGetValue(requestId, out var intent), $"acknowledged request {requestId} has no intent entry (seed {seed})");
            Assert.True((long)intent["seq"]! < index);
        }

        // An outcome never exists without its intent; an intent without an outcome is a request the kill cut short.
        Assert.All(outcomes.Keys, id => Assert.True(intents.ContainsKey(id), $"outcome {id} has no intent (seed {seed})"));

        // The restarted gateway's self-check re-verifies the tail against the last signed checkpoint: ready means it held.
        await using (var after = await ServeProcess.StartAsync(work, ct))
        {
            using var client = new HttpClient { BaseAddress = new Uri(after.Address) };
            using var ready = await client.GetAsync("/readyz", ct);
            Assert.True(ready.StatusCode == System.Net.HttpStatusCode.OK, $"not ready after the kills (seed {seed}): {(int)ready.StatusCode}");
        }

        var verification = AuditChainVerifier.Verify(auditPath);
        Assert.True(verification.Ok, verification.Problem);
        using var connection = new SqliteConnection($"Data Source={auditPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }
}
