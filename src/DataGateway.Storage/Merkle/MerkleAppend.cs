namespace DataGateway.Storage.Merkle;

/// <summary>A Merkle append staged in a transaction that has not committed yet.</summary>
public sealed class MerkleAppend
{
    internal MerkleAppend(long baseSize, MerkleFrontier frontier)
    {
        BaseSize = baseSize;
        Frontier = frontier;
    }

    /// <summary>The committed size the append extends (the first new leaf's index).</summary>
    public long BaseSize { get; }

    /// <summary>The tree size once committed.</summary>
    public long Size => Frontier.Size;

    internal MerkleFrontier Frontier { get; }

    /// <summary>The root once committed.</summary>
    /// <returns>The 32-byte root.</returns>
    public byte[] Root() => Frontier.Root();
}
