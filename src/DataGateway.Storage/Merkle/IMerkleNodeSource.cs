namespace DataGateway.Storage.Merkle;

/// <summary>
/// Read access to the stored hashes of complete (perfect, aligned) subtrees of a Merkle log.
/// </summary>
/// <remarks>
/// The node at <c>(level, index)</c> is the hash of leaves <c>[index·2^level, (index+1)·2^level)</c>; level 0 holds
/// the leaf hashes. Only complete subtrees are stored, so a stored node never changes as the log grows; every other
/// subtree hash a proof needs is folded from at most one node per level (RFC 9162 §2.1.1's split).
/// </remarks>
public interface IMerkleNodeSource
{
    /// <summary>Number of leaves stored.</summary>
    long Size { get; }

    /// <summary>Returns the stored hash of a complete subtree.</summary>
    /// <param name="level">Height of the subtree (0 = a leaf).</param>
    /// <param name="index">Position of the subtree among those of its level.</param>
    /// <returns>The 32-byte hash.</returns>
    /// <exception cref="Audit.AuditCorruptException">The node is missing or malformed in the store.</exception>
    byte[] GetNode(int level, long index);
}
