namespace DataGateway.Storage.Audit;

/// <summary>Streams a long index range of the log in bounded chunks (for exports).</summary>
public static class AuditRangeReads
{
    /// <summary>The default chunk: large enough to amortise opening a connection, small enough to hold briefly.</summary>
    public const int DefaultChunkSize = 2048;

    /// <summary>
    /// Reads the stored rows with index in <c>[from, to)</c>, one chunk at a time. Each chunk is read completely
    /// on its own short-lived connection before it is handed out, so a slow consumer (an auditor's download)
    /// never holds a read snapshot open and the WAL can always be checkpointed (RELIABILITY.md C6).
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="from">First index, inclusive.</param>
    /// <param name="to">Last index, exclusive.</param>
    /// <param name="chunkSize">Rows per chunk.</param>
    /// <param name="ct">Cancels between chunks.</param>
    /// <returns>
    /// The rows as stored, gaps and all, and a row that cannot be read as an <see cref="AuditExportRow"/> without
    /// entry: judging them is the verifier's job, and one damaged row must not hide every row after it.
    /// </returns>
    public static async IAsyncEnumerable<IReadOnlyList<AuditExportRow>> ReadRangeInChunksAsync(
        this IAuditLog log, long from, long to, int chunkSize = DefaultChunkSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var next = from;
        while (next < to)
        {
            var chunk = new List<AuditExportRow>(chunkSize);
            var unreadable = false;
            try
            {
                await foreach (var row in log.ReadAsync(next, chunkSize, ct).ConfigureAwait(false))
                {
                    if (row.Index >= to)
                    {
                        break;
                    }

                    chunk.Add(new AuditExportRow(row.Index, row));
                }
            }
            catch (Exception e) when (e is FormatException or InvalidCastException)
            {
                unreadable = true;
            }

            if (unreadable)
            {
                var after = chunk.Count > 0 ? chunk[^1].Index + 1 : next;
                if (await FindUnreadableAsync(log, after, to, ct).ConfigureAwait(false) is { } bad)
                {
                    chunk.Add(new AuditExportRow(bad, null));
                }
            }

            if (chunk.Count == 0)
            {
                yield break;
            }

            next = chunk[^1].Index + 1;
            yield return chunk;
        }
    }

    /// <summary>
    /// The leaf hashes the Merkle tree stores at the indexes of <paramref name="rows"/> (one short read), null
    /// where the tree holds none: evidence for the verifier, never trusted by it (docs/audit-export.md).
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="rows">Rows read from the log.</param>
    /// <returns>One hash or null per row.</returns>
    public static byte[]?[] ReadTreeLeaves(this IAuditLog log, IReadOnlyList<AuditExportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(rows);
        return log.ReadTree(tree =>
        {
            var leaves = new byte[]?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var index = rows[i].Index;
                try
                {
                    leaves[i] = index >= 0 && index < tree.Size ? tree.Nodes.GetNode(0, index) : null;
                }
                catch (AuditCorruptException)
                {
                    // A damaged tree must not stop the export: the verifier then simply cannot localise with it.
                    leaves[i] = null;
                }
            }

            return leaves;
        });
    }

    // The first row at or after `from` cannot be read, and reading reveals nothing about it, not even its index:
    // bisect [from, to) with one-row reads (about log2(to - from) short queries, only when a row is damaged).
    private static async Task<long?> FindUnreadableAsync(IAuditLog log, long from, long to, CancellationToken ct)
    {
        if (!await FailsAsync(log, from, to, ct).ConfigureAwait(false))
        {
            return null;
        }

        while (to - from > 1)
        {
            var middle = from + ((to - from) / 2);
            if (await FailsAsync(log, from, middle, ct).ConfigureAwait(false))
            {
                to = middle;
            }
            else
            {
                from = middle;
            }
        }

        return from;
    }

    private static async Task<bool> FailsAsync(IAuditLog log, long from, long to, CancellationToken ct)
    {
        try
        {
            await foreach (var _ in log.ReadFilteredAsync(new AuditEntryFilter { FromIndex = from, ToIndex = to, Limit = 1 }, ct).ConfigureAwait(false))
            {
            }

            return false;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            return true;
        }
    }
}
