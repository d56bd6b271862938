namespace DataGateway.Storage.Merkle;

/// <summary>
/// A Merkle log held in memory: every complete subtree hash, level by level. For tests, exports and offline tools
/// that need proofs without a database; the gateway uses <see cref="MerkleTreeStore"/>.
/// </summary>
public sealed class MemoryMerkleTree : IMerkleNodeSource
{
    private readonly List<List<byte[]>> _levels = [[]];
    private readonly MerkleFrontier _frontier = new();

    /// <inheritdoc />
    public long Size => _frontier.Size;

    /// <summary>Appends a leaf hash.</summary>
    /// <param name="leafHash">The 32-byte leaf hash.</param>
    public void Append(ReadOnlySpan<byte> leafHash) => _frontier.Append(leafHash, Store);

    /// <summary>The root of the current size.</summary>
    /// <returns>The 32-byte root.</returns>
    public byte[] Root() => _frontier.Root();

    /// <inheritdoc />
    public byte[] GetNode(int level, long index)
    {
        if (level < 0 || level >= _levels.Count || index < 0 || index >= _levels[level].Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "No complete subtree is stored at that position.");
        }

        return _levels[level][(int)index];
    }

    private void Store(int level, long index, byte[] hash)
    {
        if (level == _levels.Count)
        {
            _levels.Add([]);
        }

        // Nodes complete in index order within each level, so appending keeps the list dense.
        _levels[level].Add(hash);
    }
}
