using DataGateway.Cryptography.Merkle;

namespace DataGateway.Storage.Merkle;

/// <summary>
/// The right edge of a Merkle log (a compact range from leaf 0): one complete-subtree hash per set bit of the
/// size. Appending a leaf costs O(1) amortised hashes, and the root is a fold of at most 63 hashes, so no append
/// ever rebuilds the tree.
/// </summary>
/// <remarks>
/// The root folds the subtrees from the smallest (rightmost) up, <c>MTH = HASH(s0, HASH(s1, … s_k))</c>, which is
/// RFC 9162 §2.1.1's MTH: the left child is always the largest power-of-two subtree. Used by the SQLite store's
/// writer and, on its own, by offline verifiers that stream a million leaves to recompute a root.
/// </remarks>
public sealed class MerkleFrontier
{
    // _levels[k] is set iff bit k of Size is set: the complete subtree of 2^k leaves on the right edge.
    private readonly byte[]?[] _levels = new byte[]?[64];

    /// <summary>Number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>Rebuilds the frontier of a stored tree of <paramref name="size"/> leaves (reads one node per set bit).</summary>
    /// <param name="nodes">The stored nodes.</param>
    /// <param name="size">The tree size; at most <see cref="IMerkleNodeSource.Size"/>.</param>
    /// <returns>The frontier.</returns>
    public static MerkleFrontier Load(IMerkleNodeSource nodes, long size)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, nodes.Size);
        var frontier = new MerkleFrontier { Size = size };
        for (var level = 0; level < 63; level++)
        {
            if ((size & (1L << level)) != 0)
            {
                frontier._levels[level] = nodes.GetNode(level, (size >> level) - 1);
            }
        }

        return frontier;
    }

    /// <summary>Appends a leaf hash and reports every complete subtree it closes, the leaf itself first.</summary>
    /// <param name="leafHash">The 32-byte leaf hash.</param>
    /// <param name="completed">Called with (level, index, hash) for each newly complete subtree; may be null.</param>
    /// <exception cref="ArgumentException">The hash is not 32 bytes.</exception>
    public void Append(ReadOnlySpan<byte> leafHash, Action<int, long, byte[]>? completed = null)
    {
        if (leafHash.Length != MerkleHash.HashSizeInBytes)
        {
            throw new ArgumentException($"Leaf hashes must be {MerkleHash.HashSizeInBytes} bytes.", nameof(leafHash));
        }

        var size = Size;
        var hash = leafHash.ToArray();
        completed?.Invoke(0, size, hash);
        var level = 0;
        while ((size & (1L << level)) != 0)
        {
            hash = MerkleHash.Node(_levels[level]!, hash);
            _levels[level] = null;
            level++;
            completed?.Invoke(level, size >> level, hash);
        }

        _levels[level] = hash;
        Size = size + 1;
    }

    /// <summary>The RFC 9162 root of the current size (<see cref="MerkleHash.EmptyRoot"/> when empty).</summary>
    /// <returns>The 32-byte root.</returns>
    public byte[] Root()
    {
        byte[]? root = null;
        foreach (var subtree in _levels)
        {
            if (subtree is not null)
            {
                root = root is null ? subtree : MerkleHash.Node(subtree, root);
            }
        }

        return root ?? MerkleHash.EmptyRoot.ToArray();
    }

    /// <summary>An independent copy, so a writer can stage an append and keep the committed state.</summary>
    /// <returns>The copy.</returns>
    public MerkleFrontier Clone()
    {
        var copy = new MerkleFrontier { Size = Size };
        Array.Copy(_levels, copy._levels, _levels.Length);
        return copy;
    }
}
