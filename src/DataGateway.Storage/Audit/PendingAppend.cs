namespace DataGateway.Storage.Audit;

/// <summary>An entry waiting for the group commit, and the caller's completion.</summary>
internal sealed class PendingAppend(AuditEntry entry)
{
    public AuditEntry Entry { get; } = entry;

    // Asynchronous continuations: the single writer thread must never run callers' code.
    public TaskCompletionSource<AuditAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
