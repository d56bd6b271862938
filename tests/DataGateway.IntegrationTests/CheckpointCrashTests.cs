using System.Net;
using System.Net.Http.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Merkle;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Checkpoints;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md C2: SIGKILL while a checkpoint is being written, at each step (signed, stored in the open
/// transaction, committed). After restart the history holds the old checkpoint or the new one, never a torn one;
/// the next checkpoint is consistent with the last stored one (signer monotonicity); every acknowledged answer
/// still has its entry; the gateway serves.
/// </summary>
public sealed class CheckpointCrashTests
{
    [Theory]
    [InlineData(CheckpointWriteStep.Signed)]
    [InlineData(CheckpointWriteStep.Stored)]
    [InlineData(CheckpointWriteStep.Committed)]
    public async Task Sigkill_DuringCheckpointWrite_LeavesTheOldOrNewCheckpoint_AndTheLogServable(CheckpointWriteStep step)
    {
        var ct = TestContext.Current.CancellationToken;
        var work = ServeWorkDirectory.Prepare("checkpoint-crash", TestMaterial.DisableConsent); // about crash safety, not consent
        var data = Path.Combine(work, "data");
        var audit = Path.Combine(data, "audit.db");
        var acknowledged = new List<(string RequestId, long Index)>();
        var subject = 100;

        // :: Run 1 answers and checkpoints normally: the "old" checkpoint.
        await using (var first = await ServeProcess.StartAsync(work, ct))
        {
            using var client = new HttpClient { BaseAddress = new Uri(first.Address) };
            await AskAsync(client, 3, acknowledged, () => subject++);
            await AuditSteps.GetJsonAsync(client, "/v1/audit/tree-head", Token("auditor"));
            await first.KillAsync();
        }

        var old = AuditSteps.Checkpoints(audit)[^1];

        // :: Run 2 answers more, then a tree-head read starts the next checkpoint write, which stops at the step and is
        // killed there. The schedule is slowed to an hour so that the pause (which may hold the database's write lock)
        // cannot start before the answers are in.
        var marker = CheckpointPausePath(data, step);
        var environment = new Dictionary<string, string>
        {
            ["GATEWAY_TEST_PAUSE_AT"] = step.ToString(),
            ["Audit__Checkpoints__Interval"] = "01:00:00",
            ["Audit__Checkpoints__MaxMergeDelay"] = "02:00:00",
            ["Audit__Checkpoints__FailureGrace"] = "02:00:00",
        };
        await using (var second = await ServeProcess.StartAsync(work, ct, environment))
        {
            using var client = new HttpClient { BaseAddress = new Uri(second.Address) };
            await AskAsync(client, 3, acknowledged, () => subject++);
            using var headRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/audit/tree-head");
            headRequest.Headers.Authorization = new("Bearer", Token("auditor"));
            var pending = client.SendAsync(headRequest, ct); // never answers: the writer is paused until killed
            await Eventually.TrueAsync(() => File.Exists(marker), TimeSpan.FromSeconds(30), $"the checkpoint writer never reached {step}", ct);
            await second.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => pending);
        }

        File.Delete(marker);

        // :: After the crash: one checkpoint per committed row, each genuine; the latest is the old one or a new one.
        var history = AuditSteps.Checkpoints(audit);
        foreach (var (size, root, note) in history)
        {
            Assert.Equal(CheckpointError.None, CheckpointVerifier.Verify(note, AuditSteps.Origin, [AuditSteps.CheckpointKey], out var checkpoint));
            Assert.Equal(size, checkpoint!.TreeSize);
            Assert.Equal(root, checkpoint.RootHash);
        }

        var latest = history[^1];
        if (step == CheckpointWriteStep.Committed)
        {
            Assert.True(latest.Size > old.Size, "a committed checkpoint must survive the crash");
        }
        else
        {
            // Signed, or inserted but never committed: as if it never happened.
            Assert.Equal((old.Size, old.Note), (latest.Size, latest.Note));
        }

        // :: Run 3 starts clean (self-check passes), serves, and signs a head consistent with the last stored one.
        await using (var third = await ServeProcess.StartAsync(work, ct))
        {
            using var client = new HttpClient { BaseAddress = new Uri(third.Address) };
            await AskAsync(client, 1, acknowledged, () => subject++);
            var head = await AuditSteps.GetJsonAsync(client, "/v1/audit/tree-head", Token("auditor"));
            var size = head.GetProperty("treeSize").GetInt64();
            var root = AuditSteps.Decode(head.GetProperty("rootHash").GetString()!);
            Assert.True(size > latest.Size);
            var consistency = await AuditSteps.GetJsonAsync(client, $"/v1/audit/proofs/consistency?first={latest.Size}&second={size}", Token("auditor"));
            var path = consistency.GetProperty("path").EnumerateArray().Select(e => AuditSteps.Decode(e.GetString()!)).ToArray();
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(latest.Size, size, latest.Root, root, path));
            await third.KillAsync();
        }

        var entries = AuditReader.ReadAll(audit).Where(e => e["client_request_id"] is string && (string)e["decision"]! != "intent").ToDictionary(e => (string)e["client_request_id"]!);
        foreach (var (requestId, index) in acknowledged)
        {
            Assert.True(entries.TryGetValue(requestId, out var entry), $"acknowledged request {requestId} has no audit entry");
            Assert.Equal(index, (long)entry["seq"]!);
        }
    }

    private static string CheckpointPausePath(string dataDirectory, CheckpointWriteStep step) =>
        Path.Combine(dataDirectory, $"pause-{step.ToString().ToLowerInvariant()}.reached");

    private static string Token(string role) =>
        DataGateway.Cli.Tokens.DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, role, role == "institution" ? "bank-001" : null, null, TimeSpan.FromHours(1), TimeProvider.System);

    private static async Task AskAsync(HttpClient client, int count, List<(string, long)> acknowledged, Func<int> nextSubject)
    {
        for (var i = 0; i < count; i++)
        {
            var requestId = Guid.NewGuid().ToString("N");
            using var request = AuditSteps.Verification(GroundTruth.All[nextSubject()].Uscc, Token("institution"), requestId);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken);
            acknowledged.Add((requestId, answer!.Receipt.EntryIndex));
        }
    }
}
