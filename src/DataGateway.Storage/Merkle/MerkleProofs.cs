using System.Numerics;
using DataGateway.Cryptography.Merkle;

namespace DataGateway.Storage.Merkle;

/// <summary>
/// Builds RFC 9162 inclusion (§2.1.3.1) and consistency (§2.1.4.1) proofs and historical roots from stored
/// complete-subtree hashes, reading O(log n) nodes per request instead of rebuilding the tree.
/// </summary>
/// <remarks>
/// The recursions follow the RFC text literally over leaf ranges <c>[start, start + n)</c>. Every left part is a
/// complete aligned subtree (one stored node); only the right edge is folded, and it is folded at most once per
/// proof, so a proof costs at most about 2·log2(n) node reads.
/// </remarks>
public static class MerkleProofs
{
    /// <summary>The root hash of the first <paramref name="treeSize"/> leaves.</summary>
    /// <param name="nodes">The stored nodes.</param>
    /// <param name="treeSize">A size from 0 to <see cref="IMerkleNodeSource.Size"/>.</param>
    /// <returns>The 32-byte root.</returns>
    public static byte[] Root(IMerkleNodeSource nodes, long treeSize)
    {
        RequireSize(nodes, treeSize);
        return treeSize == 0 ? MerkleHash.EmptyRoot.ToArray() : SubtreeHash(nodes, 0, treeSize);
    }

    /// <summary>PATH(index, D[treeSize]) of RFC 9162 §2.1.3.1, ordered from the leaf upwards.</summary>
    /// <param name="nodes">The stored nodes.</param>
    /// <param name="index">The leaf's index, below <paramref name="treeSize"/>.</param>
    /// <param name="treeSize">A size up to <see cref="IMerkleNodeSource.Size"/>.</param>
    /// <returns>The audit path.</returns>
    public static byte[][] Inclusion(IMerkleNodeSource nodes, long index, long treeSize)
    {
        RequireSize(nodes, treeSize);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        var path = new List<byte[]>(64);
        Path(nodes, index, 0, treeSize, path);
        return [.. path];
    }

    /// <summary>PROOF(first, D[second]) of RFC 9162 §2.1.4.1; empty when <paramref name="first"/> is 0 or equal.</summary>
    /// <param name="nodes">The stored nodes.</param>
    /// <param name="first">The older size, 0 ≤ first ≤ second.</param>
    /// <param name="second">The newer size, up to <see cref="IMerkleNodeSource.Size"/>.</param>
    /// <returns>The consistency path.</returns>
    public static byte[][] Consistency(IMerkleNodeSource nodes, long first, long second)
    {
        RequireSize(nodes, second);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var path = new List<byte[]>(128);
        if (first > 0 && first < second)
        {
            SubProof(nodes, first, 0, second, complete: true, path);
        }

        return [.. path];
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    /// <param name="nodes">The stored nodes.</param>
    /// <param name="index">A leaf index below <see cref="IMerkleNodeSource.Size"/>.</param>
    /// <returns>The 32-byte leaf hash.</returns>
    public static byte[] LeafHash(IMerkleNodeSource nodes, long index)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, nodes.Size);
        return nodes.GetNode(0, index);
    }

    // PATH(m, D[start : start+n]) with m relative to start.
    private static void Path(IMerkleNodeSource nodes, long m, long start, long n, List<byte[]> path)
    {
        if (n == 1)
        {
            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m < k)
        {
            Path(nodes, m, start, k, path);
            path.Add(SubtreeHash(nodes, start + k, n - k));
        }
        else
        {
            Path(nodes, m - k, start + k, n - k, path);
            path.Add(SubtreeHash(nodes, start, k));
        }
    }

    // SUBPROOF(m, D[start : start+n], b).
    private static void SubProof(IMerkleNodeSource nodes, long m, long start, long n, bool complete, List<byte[]> path)
    {
        if (m == n)
        {
            if (!complete)
            {
                path.Add(SubtreeHash(nodes, start, n));
            }

            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            SubProof(nodes, m, start, k, complete, path);
            path.Add(SubtreeHash(nodes, start + k, n - k));
        }
        else
        {
            SubProof(nodes, m - k, start + k, n - k, complete: false, path);
            path.Add(SubtreeHash(nodes, start, k));
        }
    }

    // MTH(D[start : start+n]); start is always a multiple of the smallest power of two ≥ n here, so a
    // power-of-two n is one stored node and anything else splits into a stored left part and a smaller right part.
    private static byte[] SubtreeHash(IMerkleNodeSource nodes, long start, long n)
    {
        if (MerkleHash.IsPowerOfTwo(n))
        {
            var level = BitOperations.TrailingZeroCount(n);
            return nodes.GetNode(level, start >> level);
        }

        var k = MerkleHash.SplitPoint(n);
        return MerkleHash.Node(SubtreeHash(nodes, start, k), SubtreeHash(nodes, start + k, n - k));
    }

    private static void RequireSize(IMerkleNodeSource nodes, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, nodes.Size);
    }
}
