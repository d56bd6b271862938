using DataGateway.Core.Problems;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Checkpoints;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Publishes the audit log's signed tree heads (C2SP checkpoints, Ed25519). A new checkpoint is
/// signed only when the log grew, only if the tree still contains the last published one
/// (same root at the old size), and never for a smaller size or a different root at the same
/// size (<see cref="CheckpointSigner"/>): a log that was rewritten gets 503 audit_corrupt, not a signature.
/// </summary>
/// <remarks>
/// Writing one checkpoint is an explicit sequence: 1 sign, 2 INSERT in a transaction, 3 COMMIT, then publish.
/// A crash at any point leaves the history with the old checkpoint or the new one (one row, one transaction);
/// a note signed but never committed was never shown to anyone, and the signer's state is the stored history,
/// so monotonicity survives restarts (RELIABILITY.md C2). <see cref="CheckpointWritePause"/> stops between steps in tests.
/// </remarks>
internal sealed class CheckpointPublisher(
    IAuditLog log,
    SqliteCheckpointStore store,
    CheckpointSigner signer,
    AuditServingState state,
    CheckpointWritePause pause,
    TimeProvider time,
    ILogger<CheckpointPublisher> logger)
{
    /// <summary>The checkpoint origin line: the log's name.</summary>
    public const string Origin = "datagateway.dev/audit";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _alertedAt = -1;

    /// <summary>The latest checkpoint, signing and storing a new one first if the log grew.</summary>
    /// <returns>A checkpoint covering every entry committed before the call.</returns>
    /// <exception cref="AdmissionException">audit_corrupt: the log was found corrupt or no longer contains the last checkpoint.</exception>
    public async Task<StoredCheckpoint> CurrentAsync()
    {
        if (state.CorruptReason is not null)
        {
            throw new AdmissionException(ProblemCodes.AuditCorrupt);
        }

        await _gate.WaitAsync();
        try
        {
            var latest = store.Latest();
            var (size, root, stillContainsLatest) = log.ReadTree(tree =>
            {
                var contains = latest is null || (latest.TreeSize <= tree.Size && tree.Root(latest.TreeSize).AsSpan().SequenceEqual(latest.RootHash));
                return (tree.Size, tree.Root(tree.Size), contains);
            });

            if (!stillContainsLatest)
            {
                Alert(latest!.TreeSize);
                throw new AdmissionException(ProblemCodes.AuditCorrupt);
            }

            if (latest is not null && latest.TreeSize == size)
            {
                return latest;
            }

            // :: Step 1 sign (the guard refuses a smaller size or another root at the same size).
            var signed = signer.Sign(latest is null ? null : new CheckpointSignerState(latest.TreeSize, latest.RootHash, latest.SignedAt), size, root);
            if (!signed.Signed)
            {
                Alert(latest?.TreeSize ?? 0);
                throw new AdmissionException(ProblemCodes.AuditCorrupt);
            }

            pause.At(CheckpointWriteStep.Signed);

            // :: Steps 2-3 insert and commit in one transaction; the note's own timestamp is the stored time.
            var stored = new StoredCheckpoint(size, root, signed.Note!, signed.Checkpoint!.Timestamp ?? time.GetUtcNow());
            store.Append(stored, pause.At);
            pause.At(CheckpointWriteStep.Committed);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The schedule retries every interval; one alert per published checkpoint that is no longer contained is enough.
    private void Alert(long treeSize)
    {
        if (Interlocked.Exchange(ref _alertedAt, treeSize) != treeSize)
        {
            GatewayLog.AuditRewritten(logger, treeSize);
        }
    }
}
