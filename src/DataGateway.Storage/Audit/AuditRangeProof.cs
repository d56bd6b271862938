using DataGateway.Storage.Merkle;

namespace DataGateway.Storage.Audit;

/// <summary>
/// What ties the entries <c>[From, To)</c> of an export to a signed tree head of <c>TreeSize</c> leaves.
/// </summary>
/// <param name="From">First exported index.</param>
/// <param name="To">One past the last exported index.</param>
/// <param name="TreeSize">The checkpoint's size, at least <paramref name="To"/>.</param>
/// <param name="LeftSubtrees">
/// The complete-subtree hashes of leaves <c>[0, From)</c>, one per set bit of From, largest (leftmost) first:
/// the compact range a verifier seeds its frontier with before appending the exported leaves.
/// </param>
/// <param name="Consistency">The RFC 9162 §2.1.4 consistency proof from size To to TreeSize.</param>
/// <remarks>
/// Sound without trusting either list: a wrong left hash changes the recomputed root at To, and the consistency
/// proof then fails against the signed root (a SHA-256 collision aside). Simpler than an inclusion proof per
/// boundary, and empty when the export starts at 0 and ends at the checkpoint.
/// </remarks>
public sealed record AuditRangeProof(long From, long To, long TreeSize, byte[][] LeftSubtrees, byte[][] Consistency)
{
    /// <summary>Reads the proof for <c>[from, to)</c> against a tree of <paramref name="treeSize"/> leaves.</summary>
    /// <param name="tree">The stored tree.</param>
    /// <param name="from">First index.</param>
    /// <param name="to">One past the last index; from ≤ to ≤ treeSize.</param>
    /// <param name="treeSize">The checkpoint size, at most the stored tree's size.</param>
    /// <returns>The proof.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bounds are out of order or beyond the tree.</exception>
    public static AuditRangeProof Read(MerkleTreeReader tree, long from, long to, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, tree.Size);
        var left = new List<byte[]>(64);
        for (var level = 62; level >= 0; level--)
        {
            if ((from & (1L << level)) != 0)
            {
                // The subtree ending at the highest multiple of 2^level not above `from`, as MerkleFrontier.Load.
                left.Add(tree.Nodes.GetNode(level, (from >> level) - 1));
            }
        }

        return new AuditRangeProof(from, to, treeSize, [.. left], tree.Consistency(to, treeSize).Path);
    }
}
