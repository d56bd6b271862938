using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Checkpoints;

/// <summary>
/// The history of published checkpoints, in the audit database with the same durability
/// (WAL, synchronous=FULL). A checkpoint is written in one INSERT, so after a crash the
/// history holds the old checkpoint or the new one, never a torn one (RELIABILITY.md C2); the
/// primary key on the size makes a second, different note for one size impossible.
/// </summary>
public sealed class SqliteCheckpointStore : IDisposable
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS audit_checkpoints (
            tree_size INTEGER PRIMARY KEY,
            root_hash BLOB NOT NULL,
            note TEXT NOT NULL,
            signed_at INTEGER NOT NULL
        );
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private SqliteCheckpointStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (and creates if needed) the history next to the audit log's entries.</summary>
    /// <param name="auditDatabasePath">The audit log's SQLite file.</param>
    /// <param name="busyTimeout">How long to wait for the log's writer.</param>
    /// <returns>The store.</returns>
    public static SqliteCheckpointStore Open(string auditDatabasePath, TimeSpan busyTimeout)
    {
        var connection = AuditConnections.OpenWriter(auditDatabasePath, busyTimeout);
        AuditConnections.Execute(connection, CreateTable);
        return new SqliteCheckpointStore(connection);
    }

    /// <summary>The largest checkpoint published, or null before the first.</summary>
    /// <returns>The latest checkpoint.</returns>
    public StoredCheckpoint? Latest()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT tree_size, root_hash, note, signed_at FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1";
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new StoredCheckpoint(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
                : null;
        }
    }

    /// <summary>Durably records a newly signed checkpoint.</summary>
    /// <param name="checkpoint">The checkpoint; its size must be new.</param>
    /// <exception cref="SqliteException">The size already has a checkpoint, or the store failed.</exception>
    public void Append(StoredCheckpoint checkpoint) => Append(checkpoint, null);

    /// <summary>
    /// Durably records a newly signed checkpoint in one explicit transaction: INSERT, then COMMIT.
    /// <paramref name="between"/> runs after the INSERT and before the COMMIT (crash-test hook).
    /// </summary>
    /// <param name="checkpoint">The checkpoint; its size must be new.</param>
    /// <param name="between">Called with <see cref="CheckpointWriteStep.Stored"/> inside the open transaction, or null.</param>
    /// <exception cref="SqliteException">The size already has a checkpoint, or the store failed.</exception>
    public void Append(StoredCheckpoint checkpoint, Action<CheckpointWriteStep>? between)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (_gate)
        {
            // IMMEDIATE takes the write lock first, so a busy audit writer surfaces here, before the insert.
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO audit_checkpoints (tree_size, root_hash, note, signed_at) VALUES ($size, $root, $note, $at)";
            command.Parameters.AddWithValue("$size", checkpoint.TreeSize);
            command.Parameters.AddWithValue("$root", checkpoint.RootHash);
            command.Parameters.AddWithValue("$note", checkpoint.Note);
            command.Parameters.AddWithValue("$at", checkpoint.SignedAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
            between?.Invoke(CheckpointWriteStep.Stored);
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
