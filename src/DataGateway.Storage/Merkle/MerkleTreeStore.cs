using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Merkle;

/// <summary>
/// The writer side of the stored Merkle log: appends leaf hashes inside the caller's SQLite transaction, storing
/// every subtree they complete, so proofs never rebuild the tree (issue 4, "store interior hashes").
/// </summary>
/// <remarks>
/// Same discipline as the audit batch writer: <see cref="Append"/> stages against a copy of the in-memory
/// frontier; <see cref="Commit"/> adopts it only after the caller's COMMIT succeeded; after a failed COMMIT the
/// caller calls <see cref="MarkStale"/> and the frontier is reloaded from disk, which is the truth, before the
/// next append. Not thread-safe: one writer, like the audit log's.
/// </remarks>
public sealed class MerkleTreeStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private MerkleFrontier _frontier;
    private bool _stale;

    private MerkleTreeStore(SqliteConnection connection, MerkleFrontier frontier)
    {
        _connection = connection;
        _frontier = frontier;
        _insert = MerkleSchema.CreateCommand(connection, MerkleSchema.Insert, "$pos", "$level", "$idx", "$hash");
        _insert.Prepare();
    }

    /// <summary>Committed number of leaves.</summary>
    public long Size => _frontier.Size;

    /// <summary>Creates the table if needed and loads the committed frontier.</summary>
    /// <param name="connection">The writer's open connection; stays owned by the caller.</param>
    /// <returns>The store.</returns>
    /// <exception cref="Audit.AuditCorruptException">A frontier node is missing or malformed.</exception>
    public static MerkleTreeStore Open(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        MerkleSchema.EnsureCreated(connection);
        return new MerkleTreeStore(connection, LoadFrontier(connection, null));
    }

    /// <summary>The committed root.</summary>
    /// <returns>The 32-byte root.</returns>
    public byte[] Root() => _frontier.Root();

    /// <summary>Inserts the nodes for <paramref name="leafHashes"/> in <paramref name="transaction"/>; changes nothing in memory.</summary>
    /// <param name="transaction">The caller's open transaction on the same connection (the audit batch's).</param>
    /// <param name="leafHashes">RFC 9162 leaf hashes of the entries, in index order; they get indexes from <see cref="Size"/> on.</param>
    /// <returns>The staged state to pass to <see cref="Commit"/> once the transaction has committed.</returns>
    /// <exception cref="ArgumentException">A leaf hash is not 32 bytes.</exception>
    /// <exception cref="SqliteException">The insert failed; the caller rolls back and calls <see cref="MarkStale"/>.</exception>
    public MerkleAppend Append(SqliteTransaction transaction, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (_stale)
        {
            _frontier = LoadFrontier(_connection, transaction);
            _stale = false;
        }

        var baseSize = _frontier.Size;
        var staged = _frontier.Clone();
        _insert.Transaction = transaction;
        try
        {
            foreach (var leafHash in leafHashes)
            {
                staged.Append(leafHash, Insert);
            }
        }
        finally
        {
            _insert.Transaction = null;
        }

        return new MerkleAppend(baseSize, staged);
    }

    /// <summary>Adopts a staged append after its transaction committed.</summary>
    /// <param name="append">What <see cref="Append"/> returned.</param>
    /// <exception cref="InvalidOperationException">The append was staged against another committed size.</exception>
    public void Commit(MerkleAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (_stale || append.BaseSize != _frontier.Size)
        {
            throw new InvalidOperationException("The staged Merkle append does not extend the committed tree.");
        }

        _frontier = append.Frontier;
    }

    /// <summary>Marks the in-memory frontier as untrusted after a failed COMMIT; the next append reloads it.</summary>
    public void MarkStale() => _stale = true;

    /// <inheritdoc />
    public void Dispose() => _insert.Dispose();

    private static MerkleFrontier LoadFrontier(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var size = MerkleSchema.ReadSize(connection, transaction);
        using var nodes = new SqliteMerkleNodes(connection, size, transaction);
        return MerkleFrontier.Load(nodes, size);
    }

    private void Insert(int level, long index, byte[] hash)
    {
        _insert.Parameters[0].Value = MerkleSchema.Position(level, index);
        _insert.Parameters[1].Value = level;
        _insert.Parameters[2].Value = index;
        _insert.Parameters[3].Value = hash;
        _insert.ExecuteNonQuery();
    }
}
