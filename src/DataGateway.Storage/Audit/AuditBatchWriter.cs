using DataGateway.Storage.Merkle;
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
    private readonly MerkleTreeStore _merkle;
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
        _merkle = MerkleTreeStore.Open(connection);
        CatchUpMerkleTree();
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
            var leafHashes = new byte[batch.Count][];
            for (var i = 0; i < batch.Count; i++)
            {
                // Monotonic: a clock stepping back must not reorder timestamps against indexes.
                var ts = Math.Max(now, head.LastTimestampUnixMilliseconds);
                var entry = batch[i].Entry;

                // One leaf hash serves both structures: the hash chain links it, the Merkle tree (RFC 9162) holds it.
                leafHashes[i] = AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(head.NextIndex, ts, entry));
                var hash = AuditLeafEncoding.ChainHash(head.LastHash, leafHashes[i]);
                AuditSchema.BindInsert(_insert, head.NextIndex, ts, entry, head.LastHash, hash);
                _insert.ExecuteNonQuery();
                results[i] = new AuditAppendResult(head.NextIndex, hash, DateTimeOffset.FromUnixTimeMilliseconds(ts));
                head = new ChainHead(head.NextIndex + 1, hash, ts);
            }

            var merkle = _merkle.Append(transaction, leafHashes);
            transaction.Commit();
            _head = head;
            _merkle.Commit(merkle);
            return results;
        }
        catch
        {
            _headStale = true;
            _merkle.MarkStale();
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
        _merkle.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// Brings the Merkle tree level with the chain: a log written before the tree existed, or a
    /// tree table lost on its own, is rebuilt from the stored entries. A tree longer than the
    /// chain means the entries were cut: that is corruption, never repaired.
    /// </summary>
    private void CatchUpMerkleTree()
    {
        if (_merkle.Size > _head.NextIndex)
        {
            throw new AuditCorruptException($"The Merkle tree has {_merkle.Size} leaves but the log has {_head.NextIndex} entries.");
        }

        while (_merkle.Size < _head.NextIndex)
        {
            var leafHashes = new List<byte[]>(4096);
            using (var select = _connection.CreateCommand())
            {
                select.CommandText = $"SELECT {AuditSchema.SelectColumns} FROM audit_entries WHERE seq >= $from ORDER BY seq LIMIT 4096";
                select.Parameters.AddWithValue("$from", _merkle.Size);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var row = AuditSchema.ReadRow(reader);
                    if (row.Index != _merkle.Size + leafHashes.Count)
                    {
                        throw new AuditCorruptException($"Audit entry {_merkle.Size + leafHashes.Count} is missing.");
                    }

                    leafHashes.Add(AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(row.Index, row.Timestamp.ToUnixTimeMilliseconds(), row.Entry)));
                }
            }

            if (leafHashes.Count == 0)
            {
                throw new AuditCorruptException($"Audit entry {_merkle.Size} is missing.");
            }

            using var transaction = _connection.BeginTransaction(deferred: false);
            var merkle = _merkle.Append(transaction, leafHashes);
            transaction.Commit();
            _merkle.Commit(merkle);
        }
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
