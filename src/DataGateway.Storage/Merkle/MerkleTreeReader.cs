using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Merkle;

/// <summary>
/// Serves roots and proofs from the stored tree over a caller-owned (typically short-lived, read-only)
/// connection. The size is read once, so every answer from one reader comes from one consistent tree.
/// </summary>
/// <remarks>
/// Safe while the writer appends, without a read transaction: stored nodes are complete subtrees, written once and
/// never changed, so every node below the size read at construction is final (RFC 9162 trees are append-only).
/// </remarks>
public sealed class MerkleTreeReader : IDisposable
{
    private readonly SqliteMerkleNodes _nodes;

    /// <summary>Creates a reader over <paramref name="connection"/>.</summary>
    /// <param name="connection">An open connection to the audit database.</param>
    /// <param name="transaction">The transaction reads run in, if any.</param>
    public MerkleTreeReader(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _nodes = new SqliteMerkleNodes(connection, MerkleSchema.ReadSize(connection, transaction), transaction);
    }

    /// <summary>Number of leaves in the stored tree.</summary>
    public long Size => _nodes.Size;

    /// <summary>The node source, for callers that build several proofs (e.g. an export).</summary>
    public IMerkleNodeSource Nodes => _nodes;

    /// <summary>The root of the first <paramref name="treeSize"/> leaves.</summary>
    /// <param name="treeSize">0 to <see cref="Size"/>.</param>
    /// <returns>The 32-byte root.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative or beyond the stored tree.</exception>
    /// <exception cref="Audit.AuditCorruptException">A needed node is missing or malformed.</exception>
    public byte[] Root(long treeSize) => MerkleProofs.Root(_nodes, treeSize);

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="treeSize"/> leaves.</summary>
    /// <param name="index">The leaf index, below <paramref name="treeSize"/>.</param>
    /// <param name="treeSize">1 to <see cref="Size"/>.</param>
    /// <returns>The leaf hash and audit path.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index or size is out of range.</exception>
    /// <exception cref="Audit.AuditCorruptException">A needed node is missing or malformed.</exception>
    public MerkleInclusionProof Inclusion(long index, long treeSize) =>
        new(index, treeSize, MerkleProofs.LeafHash(_nodes, index), MerkleProofs.Inclusion(_nodes, index, treeSize));

    /// <summary>The consistency proof between sizes <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <param name="first">The older size, 0 to <paramref name="second"/>.</param>
    /// <param name="second">The newer size, up to <see cref="Size"/>.</param>
    /// <returns>The consistency path.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    /// <exception cref="Audit.AuditCorruptException">A needed node is missing or malformed.</exception>
    public MerkleConsistencyProof Consistency(long first, long second) =>
        new(first, second, MerkleProofs.Consistency(_nodes, first, second));

    /// <inheritdoc />
    public void Dispose() => _nodes.Dispose();
}
