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
internal sealed class CheckpointPublisher(IAuditLog log, SqliteCheckpointStore store, CheckpointSigner signer, TimeProvider time, ILogger<CheckpointPublisher> logger)
{
    /// <summary>The checkpoint origin line: the log's name.</summary>
    public const string Origin = "datagateway.dev/audit";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<StoredCheckpoint> CurrentAsync()
    {
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
                GatewayLog.AuditRewritten(logger, latest!.TreeSize);
                throw new AdmissionException(ProblemCodes.AuditCorrupt);
            }

            if (latest is not null && latest.TreeSize == size)
            {
                return latest;
            }

            var signed = signer.Sign(latest is null ? null : new CheckpointSignerState(latest.TreeSize, latest.RootHash), size, root);
            if (!signed.Signed)
            {
                GatewayLog.AuditRewritten(logger, latest?.TreeSize ?? 0);
                throw new AdmissionException(ProblemCodes.AuditCorrupt);
            }

            var stored = new StoredCheckpoint(size, root, signed.Note!, time.GetUtcNow());
            store.Append(stored);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }
}
