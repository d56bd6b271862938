using System.Runtime.CompilerServices;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Stands in for an audit log that failed its open-time integrity check, so the gateway can still start, report
/// not-ready and answer 503 <c>audit_corrupt</c> (RELIABILITY.md A1) instead of crash-looping without an alert.
/// Nothing can be appended; reads see nothing; tree reads fail as corrupt.
/// </summary>
internal sealed class RefusingAuditLog : IAuditLog
{
    /// <inheritdoc />
    public long Count => 0;

    /// <inheritdoc />
    public ValueTask<AuditAppendResult> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        ValueTask.FromException<AuditAppendResult>(new AuditUnavailableException("The audit log failed its integrity check."));

    /// <inheritdoc />
    public IAsyncEnumerable<StoredAuditEntry> ReadAsync(long fromIndex, int limit, CancellationToken ct) => Empty();

    /// <inheritdoc />
    public IAsyncEnumerable<StoredAuditEntry> ReadSinceAsync(DateTimeOffset since, CancellationToken ct) => Empty();

    /// <inheritdoc />
    public IAsyncEnumerable<StoredAuditEntry> ReadBySubjectAsync(string subject, long afterIndex, int limit, CancellationToken ct) => Empty();

    /// <inheritdoc />
    public IAsyncEnumerable<StoredAuditEntry> ReadFilteredAsync(AuditEntryFilter filter, CancellationToken ct) => Empty();

    /// <inheritdoc />
    public T ReadTree<T>(Func<MerkleTreeReader, T> read) => throw new AuditCorruptException();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async IAsyncEnumerable<StoredAuditEntry> Empty([EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        ct.ThrowIfCancellationRequested();
        yield break;
    }
}
