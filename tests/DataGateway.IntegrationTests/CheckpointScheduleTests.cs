using System.Net;
using DataGateway.Client.Auditing;
using DataGateway.Gateway.Auditing;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Checkpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Receipts promise inclusion within the maximum merge delay, and the scheduler keeps the promise; when signing keeps
/// failing past the grace, queries are refused (audit_anchor_stale) until a checkpoint succeeds (RELIABILITY.md A10).
/// </summary>
public sealed class CheckpointScheduleTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(_time, configureGateway: builder =>
    {
        builder.Configuration["Audit:Checkpoints:Interval"] = "00:00:01";
        builder.Configuration["Audit:Checkpoints:MaxMergeDelay"] = "00:00:10";
        builder.Configuration["Audit:Checkpoints:FailureGrace"] = Grace.ToString();
    });

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private SqliteCheckpointStore Store => _harness.GatewayServices.GetRequiredService<SqliteCheckpointStore>();

    private AuditServingState State => _harness.GatewayServices.GetRequiredService<AuditServingState>();

    [Fact]
    public async Task Receipt_IsInASignedCheckpointWithinTheMaxMergeDelay_AndItsProofVerifies()
    {
        var answer = await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[60].Uscc, _harness.TokenFor());
        var receipt = answer.Receipt;
        Assert.Equal(AuditSteps.Origin, receipt.LogOrigin);
        Assert.Equal(receipt.SignedAt + TimeSpan.FromSeconds(10), receipt.IncludedBy);

        // One schedule interval later the scheduler, not a reader, has signed a checkpoint covering the entry.
        _time.Advance(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => Store.Latest() is { } latest && latest.TreeSize > receipt.EntryIndex);

        var head = await AuditSteps.GetJsonAsync(_harness.Client, "/v1/audit/tree-head", _harness.TokenFor("auditor"));
        var size = head.GetProperty("treeSize").GetInt64();
        var proof = await AuditSteps.GetJsonAsync(_harness.Client, $"/v1/audit/proofs/inclusion?index={receipt.EntryIndex}&treeSize={size}", _harness.TokenFor("auditor"));
        var leaf = AuditSteps.Decode(proof.GetProperty("leafHash").GetString()!);
        var path = proof.GetProperty("path").EnumerateArray().Select(e => AuditSteps.Decode(e.GetString()!)).ToArray();
        var previous = (byte[])AuditReader.ReadAll(_harness.AuditDatabasePath).Single(e => (long)e["seq"]! == receipt.EntryIndex)["prev_hash"]!;
        Assert.True(Cryptography.Signing.JsonWebKeySet.TryParse(await _harness.Client.GetStringAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken), out var jwks));

        var check = ReceiptInclusion.Verify(receipt, jwks!, head.GetProperty("checkpoint").GetString()!, [AuditSteps.CheckpointKey], leaf, previous, path);

        Assert.Equal(new ReceiptInclusionCheck(true, null, OnTime: true), check);
    }

    [Fact]
    public async Task Queries_AreRefusedAfterSigningFailsPastTheGrace_AndServeAgainOnceACheckpointCoversTheBacklog()
    {
        var token = _harness.TokenFor();
        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[61].Uscc, token);

        // The checkpoint store goes away (an unreachable signer or witness looks the same to the schedule).
        AuditSteps.Execute(_harness.AuditDatabasePath, "ALTER TABLE audit_checkpoints RENAME TO audit_checkpoints_away");
        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[62].Uscc, token);
        _time.Advance(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => State.FailingSince is not null);

        // Within the grace: entries are still committed and answers released.
        _time.Advance(Grace / 2);
        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[63].Uscc, token);

        // Past the grace: refused, and not ready.
        _time.Advance(Grace);
        using (var refused = await _harness.Client.SendAsync(AuditSteps.Verification(GroundTruth.All[64].Uscc, token), TestContext.Current.CancellationToken))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "audit_anchor_stale");
        }

        using (var ready = await _harness.Client.GetAsync("/readyz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        // Recovery: the next tick signs a backlog checkpoint that covers every entry, and queries flow again.
        AuditSteps.Execute(_harness.AuditDatabasePath, "ALTER TABLE audit_checkpoints_away RENAME TO audit_checkpoints");
        _time.Advance(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => State.Refusal is null);
        var entries = AuditReader.ReadAll(_harness.AuditDatabasePath).Count;
        Assert.True(Store.Latest()!.TreeSize >= entries);
        await AuditSteps.VerifyAsync(_harness.Client, GroundTruth.All[65].Uscc, token);
    }

    // The schedule's ticks come from the fake clock: each second of waiting advances it, since a tick may
    // have been consumed before the change it waits for.
    private Task EventuallyAsync(Func<bool> condition) => Eventually.TrueAsync(
        condition, TimeSpan.FromSeconds(10), "the checkpoint schedule's state", TestContext.Current.CancellationToken, () => _time.Advance(TimeSpan.FromSeconds(1)));
}
