namespace DataGateway.Storage.Audit;

/// <summary>
/// The append-only, hash-chained audit log. Every gateway request gets an entry that is durable before the
/// response is released (RELIABILITY.md, "Acknowledged ⇒ durable, and released ⇒ audited").
/// </summary>
public interface IAuditLog : IAsyncDisposable
{
    /// <summary>Number of committed entries; the next entry's index.</summary>
    long Count { get; }

    /// <summary>
    /// Appends an entry and completes only after the transaction that contains it has committed (synchronous=FULL).
    /// </summary>
    /// <param name="entry">The entry; over-long fields are capped.</param>
    /// <param name="cancellationToken">Stops waiting; an entry already queued may still be committed.</param>
    /// <returns>The entry's index, chain hash and timestamp.</returns>
    /// <exception cref="AuditUnavailableException">The store could not make the entry durable.</exception>
    ValueTask<AuditAppendResult> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="limit"/> committed entries starting at <paramref name="fromIndex"/>, in order.</summary>
    /// <param name="fromIndex">First index to return.</param>
    /// <param name="limit">Most entries to return.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The entries in index order.</returns>
    IAsyncEnumerable<StoredAuditEntry> ReadAsync(long fromIndex, int limit, CancellationToken ct);

    /// <summary>Reads every committed entry whose timestamp is at or after <paramref name="since"/>, in index order.</summary>
    /// <param name="since">Earliest timestamp to return.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The entries in index order.</returns>
    IAsyncEnumerable<StoredAuditEntry> ReadSinceAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// Reads up to <paramref name="limit"/> committed entries about one subject with an index above
    /// <paramref name="afterIndex"/>, in index order (an owner's access history).
    /// </summary>
    /// <param name="subject">The subject (USCC) to match exactly.</param>
    /// <param name="afterIndex">Entries at or below this index are skipped; -1 reads from the start.</param>
    /// <param name="limit">Most entries to return.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The entries in index order.</returns>
    IAsyncEnumerable<StoredAuditEntry> ReadBySubjectAsync(string subject, long afterIndex, int limit, CancellationToken ct);

    /// <summary>Reads one page of committed entries matching <paramref name="filter"/>, in index order.</summary>
    /// <param name="filter">The filter, cursor and limit.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>At most <see cref="AuditEntryFilter.Limit"/> entries in index order.</returns>
    IAsyncEnumerable<StoredAuditEntry> ReadFilteredAsync(AuditEntryFilter filter, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="read"/> against a consistent view of the log's RFC 9162 Merkle tree
    /// (roots, inclusion and consistency proofs over committed entries) on a short-lived read connection.
    /// </summary>
    /// <typeparam name="T">What the read produces.</typeparam>
    /// <param name="read">Builds the answer from the tree; must not keep the reader.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    T ReadTree<T>(Func<Merkle.MerkleTreeReader, T> read);
}
