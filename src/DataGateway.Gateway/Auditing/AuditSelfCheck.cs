using System.Diagnostics;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Checkpoints;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Startup self-check (RELIABILITY.md A1, A3): the log's tail must agree with the last signed checkpoint, or the
/// gateway starts without serving queries (503 <c>audit_corrupt</c>, <c>/readyz</c> unhealthy) and logs an alert.
/// </summary>
/// <remarks>
/// <code>
/// 1 the stored note verifies under the checkpoint key and says the stored size and root
/// 2 the log still holds that many entries and the tree's root at that size is the signed root
/// 3 every entry from (size - window) to the end re-hashes to its stored Merkle leaf, links to its predecessor
///   and recomputes its chain hash (so a changed column under the checkpoint is caught, not just the tail)
/// </code>
/// The work is bounded (window plus the entries since the last checkpoint, about one interval's worth), so
/// start-up stays fast on any log size; the whole log is for <c>dg audit verify</c> and the chain verifier.
/// </remarks>
internal sealed class AuditSelfCheck(
    IAuditLog log,
    SqliteCheckpointStore store,
    NoteVerificationKey checkpointKey,
    AuditServingState state,
    IOptions<CheckpointOptions> options,
    ILogger<AuditSelfCheck> logger)
{
    private const int ChunkSize = 8192;

    /// <summary>Runs the check and marks <see cref="AuditServingState"/> corrupt on any mismatch.</summary>
    /// <returns>The outcome.</returns>
    public AuditSelfCheckResult Run()
    {
        if (state.CorruptReason is { } already)
        {
            // The log was refused when it was opened; there is nothing sound to compare.
            return AuditSelfCheckResult.Failed(already, -1);
        }

        var started = Stopwatch.GetTimestamp();
        AuditSelfCheckResult result;
        try
        {
            result = Check();
        }
        catch (Exception e) when (e is AuditCorruptException or SqliteException or FormatException or InvalidCastException or ArgumentException)
        {
            result = AuditSelfCheckResult.Failed("unreadable", log.Count);
        }

        if (result.Ok)
        {
            GatewayLog.AuditSelfCheckPassed(logger, result.Index, result.Checked, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        else
        {
            state.MarkCorrupt(result.Reason!);
            GatewayLog.AuditSelfCheckFailed(logger, result.Reason!, result.Index);
        }

        return result;
    }

    private AuditSelfCheckResult Check()
    {
        var latest = store.Latest();
        var signedSize = latest?.TreeSize ?? 0;

        // :: Step 1 the note is genuine and matches the stored columns.
        if (latest is not null)
        {
            if (CheckpointVerifier.Verify(latest.Note, CheckpointPublisher.Origin, [checkpointKey], out var signed) != CheckpointError.None)
            {
                return AuditSelfCheckResult.Failed("checkpoint_signature_invalid", signedSize);
            }

            if (signed!.TreeSize != latest.TreeSize || !signed.RootHash.AsSpan().SequenceEqual(latest.RootHash))
            {
                return AuditSelfCheckResult.Failed("checkpoint_mismatch", signedSize);
            }
        }

        // :: Step 2 the tree still contains the checkpoint.
        var count = log.Count;
        if (count < signedSize)
        {
            return AuditSelfCheckResult.Failed("log_truncated", count);
        }

        var (treeSize, rootMatches) = log.ReadTree(tree =>
            (tree.Size, tree.Size >= signedSize && (latest is null || tree.Root(signedSize).AsSpan().SequenceEqual(latest.RootHash))));
        if (treeSize < signedSize)
        {
            return AuditSelfCheckResult.Failed("log_truncated", treeSize);
        }

        if (!rootMatches)
        {
            return AuditSelfCheckResult.Failed("root_mismatch", signedSize);
        }

        if (treeSize != count)
        {
            return AuditSelfCheckResult.Failed("tree_mismatch", Math.Min(treeSize, count));
        }

        // :: Step 3 re-hash every entry of the window against its leaf and its chain link. Without a checkpoint there
        // is nothing signed to anchor to, so only the tail window is checked (a deleted history is for auditors to see).
        var from = Math.Max(0, (latest is null ? count : signedSize) - options.Value.SelfCheckWindow);
        return RehashFrom(from, count, signedSize);
    }

    private AuditSelfCheckResult RehashFrom(long from, long count, long signedSize)
    {
        var expectedPrevious = from == 0 ? AuditLeafEncoding.GenesisHash.ToArray() : null;
        if (from > 0)
        {
            // The entry just before the window only supplies the link; it is not itself checked here.
            var before = ReadRows(from - 1, 1);
            if (before.Count != 1 || before[0].Index != from - 1)
            {
                return AuditSelfCheckResult.Failed("sequence_broken", from - 1);
            }

            expectedPrevious = before[0].EntryHash;
        }

        // In chunks, so memory stays flat however many entries follow the checkpoint.
        for (var start = from; start < count; start += ChunkSize)
        {
            var length = (int)Math.Min(ChunkSize, count - start);
            var leaves = log.ReadTree(tree =>
            {
                var stored = new byte[tree.Size >= start + length ? length : 0][];
                for (var i = 0; i < stored.Length; i++)
                {
                    stored[i] = tree.Nodes.GetNode(0, start + i);
                }

                return stored;
            });
            var rows = ReadRows(start, length);
            for (var i = 0; i < length; i++)
            {
                var index = start + i;
                var problem = i >= rows.Count || rows[i].Index != index ? "sequence_broken"
                    : i >= leaves.Length ? "tree_mismatch"
                    : CheckEntry(rows[i], leaves[i], expectedPrevious!);
                if (problem is not null)
                {
                    return AuditSelfCheckResult.Failed(problem, index, index - from);
                }

                expectedPrevious = rows[i].EntryHash;
            }
        }

        return new AuditSelfCheckResult(true, null, signedSize, count - from);
    }

    private static string? CheckEntry(StoredAuditEntry row, byte[] storedLeaf, byte[] expectedPrevious)
    {
        var leaf = AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(row.Index, row.Timestamp.ToUnixTimeMilliseconds(), row.Entry));
        return !leaf.AsSpan().SequenceEqual(storedLeaf) ? "leaf_mismatch"
            : !row.PreviousHash.AsSpan().SequenceEqual(expectedPrevious) ? "prev_hash_mismatch"
            : !AuditLeafEncoding.ChainHash(row.PreviousHash, leaf).AsSpan().SequenceEqual(row.EntryHash) ? "entry_hash_mismatch"
            : null;
    }

    // Synchronous over the async reader on purpose: this runs once, before the host serves anything.
    private List<StoredAuditEntry> ReadRows(long from, int limit) =>
        log.ReadAsync(from, limit, CancellationToken.None).ToBlockingEnumerable().ToList();
}
