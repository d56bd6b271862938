using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Merkle;

namespace DataGateway.Cli.Audit;

/// <summary>
/// Serves an export's left subtrees (one per set bit of <c>from</c>, largest first) as the nodes
/// <see cref="MerkleFrontier.Load"/> reads, so the verifier's frontier starts where the export starts.
/// </summary>
internal sealed class LeftSubtreeNodes : IMerkleNodeSource
{
    private readonly Dictionary<int, byte[]> _byLevel = [];

    /// <summary>Maps the hashes to levels; false if their count does not match the set bits of <paramref name="from"/>.</summary>
    public static bool TryCreate(long from, IReadOnlyList<byte[]> hashes, out LeftSubtreeNodes? nodes)
    {
        nodes = new LeftSubtreeNodes { Size = from };
        var next = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((from & (1L << level)) == 0)
            {
                continue;
            }

            if (next >= hashes.Count || hashes[next].Length != MerkleHash.HashSizeInBytes)
            {
                nodes = null;
                return false;
            }

            nodes._byLevel[level] = hashes[next++];
        }

        if (next != hashes.Count)
        {
            nodes = null;
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    public long Size { get; private init; }

    /// <inheritdoc />
    public byte[] GetNode(int level, long index) =>
        _byLevel.TryGetValue(level, out var hash) && index == (Size >> level) - 1
            ? hash
            : throw new ArgumentOutOfRangeException(nameof(index), "Only the left subtrees of the export are known.");
}
