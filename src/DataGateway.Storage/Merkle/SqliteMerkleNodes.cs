using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Merkle;

/// <summary>Point reads of stored nodes through one prepared statement on a caller-owned connection.</summary>
internal sealed class SqliteMerkleNodes : IMerkleNodeSource, IDisposable
{
    private readonly SqliteCommand _select;

    public SqliteMerkleNodes(SqliteConnection connection, long size, SqliteTransaction? transaction = null)
    {
        Size = size;
        _select = MerkleSchema.CreateCommand(connection, MerkleSchema.SelectNode, "$pos");
        _select.Transaction = transaction;
        _select.Prepare();
    }

    public long Size { get; }

    public byte[] GetNode(int level, long index)
    {
        _select.Parameters[0].Value = MerkleSchema.Position(level, index);
        // A missing or short node means the table was edited behind the log's back: fail as corrupt, never guess.
        if (_select.ExecuteScalar() is not byte[] { Length: MerkleHash.HashSizeInBytes } hash)
        {
            throw new AuditCorruptException($"Merkle node ({level}, {index}) is missing or malformed.");
        }

        return hash;
    }

    public void Dispose() => _select.Dispose();
}
