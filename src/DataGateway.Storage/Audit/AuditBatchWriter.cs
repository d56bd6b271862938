using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>
/// Owns the writer connection and the in-memory chain head; commits one batch per transaction.
/// Used only by the log's writer thread (and test hooks), under <see cref="Gate"/>.
/// </summary>
internal sealed class AuditBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly TimeProvider _time;
    private ChainHead _head;
    private bool _headStale;

    public AuditBatchWriter(SqliteConnection connection, TimeProvider time, TimeSpan busyTimeout)
    {
        _connection = connection;
        _time = time;
        _head = AuditTail.Load(connection);
        _insert = AuditSchema.CreateInsertCommand(connection);
        _insert.CommandTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        _insert.Prepare();
    }

    /// <summary>Serialises the writer thread with test hooks that touch the connection.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Committed entry count (the next index).</summary>
    public long CommittedCount => _head.NextIndex;

    /// <summary>
    /// Chains and inserts the batch in one transaction and commits it. On any failure the transaction rolls back,
    /// the head is NOT advanced, and it is reloaded from disk before the next batch (a failed COMMIT may still
    /// have reached the disk, so the disk, not memory, is the truth).
    /// </summary>
    public AuditAppendResult[] Commit(IReadOnlyList<PendingAppend> batch)
    {
        if (_headStale)
        {
            _head = AuditTail.Load(_connection);
            _headStale = false;
        }

        var results = new AuditAppendResult[batch.Count];
        var head = _head;
        SqliteTransaction? transaction = null;
        try
        {
            // IMMEDIATE takes the write lock up front, so a competing writer surfaces as BUSY here, before any work.
            transaction = _connection.BeginTransaction(deferred: false);
            _insert.Transaction = transaction;
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            for (var i = 0; i < batch.Count; i++)
            {
                // Monotonic: a clock stepping back must not reorder timestamps against indexes.
                var ts = Math.Max(now, head.LastTimestampUnixMilliseconds);
                var entry = batch[i].Entry;
                var hash = AuditLeafEncoding.EntryHash(head.LastHash, head.NextIndex, ts, entry);
                AuditSchema.BindInsert(_insert, head.NextIndex, ts, entry, head.LastHash, hash);
                _insert.ExecuteNonQuery();
                results[i] = new AuditAppendResult(head.NextIndex, hash, DateTimeOffset.FromUnixTimeMilliseconds(ts));
                head = new ChainHead(head.NextIndex + 1, hash, ts);
            }

            transaction.Commit();
            _head = head;
            return results;
        }
        catch
        {
            _headStale = true;
            RollBackQuietly(transaction);
            throw;
        }
        finally
        {
            _insert.Transaction = null;
            transaction?.Dispose();
        }
    }

    /// <summary>Runs SQL on the writer connection (test hook for fault injection, e.g. <c>PRAGMA max_page_count</c>).</summary>
    public void Execute(string sql) => AuditConnections.Execute(_connection, sql);

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }

    private static void RollBackQuietly(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); the original error is what matters.
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
    }
}
