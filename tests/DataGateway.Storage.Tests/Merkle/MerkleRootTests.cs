using DataGateway.Storage.Merkle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataGateway.Storage.Tests.Merkle;

/// <summary>Incremental roots equal the naive recursive RFC 9162 MTH (RELIABILITY.md A6, figures: all n ≤ 1 024).</summary>
public sealed class MerkleRootTests
{
    private const int Exhaustive = 1024;

    private static readonly byte[][] LeafHashes = NaiveMerkle.LeafHashes(Exhaustive);

    [Fact]
    public void IncrementalRoot_EqualsNaiveRoot_ForEverySizeUpTo1024()
    {
        var frontier = new MerkleFrontier();
        Assert.Equal(NaiveMerkle.Root([]), frontier.Root());
        for (var n = 1; n <= Exhaustive; n++)
        {
            frontier.Append(LeafHashes[n - 1]);
            Assert.Equal(NaiveMerkle.Mth(LeafHashes, 0, n), frontier.Root());
        }
    }

    [Fact]
    public void HistoricalRoot_EqualsNaiveRoot_ForEverySizeUpTo1024()
    {
        var tree = new MemoryMerkleTree();
        foreach (var h in LeafHashes)
        {
            tree.Append(h);
        }

        for (var n = 0; n <= Exhaustive; n++)
        {
            Assert.Equal(NaiveMerkle.Mth(LeafHashes, 0, n), MerkleProofs.Root(tree, n));
        }
    }

    [Fact]
    public void LoadedFrontier_ContinuesLikeTheOriginal_ForEverySizeUpTo300()
    {
        var tree = new MemoryMerkleTree();
        foreach (var h in LeafHashes.Take(301))
        {
            tree.Append(h);
        }

        for (var n = 0; n <= 300; n++)
        {
            var loaded = MerkleFrontier.Load(tree, n);
            Assert.Equal(MerkleProofs.Root(tree, n), loaded.Root());
            loaded.Append(LeafHashes[n]);
            Assert.Equal(NaiveMerkle.Mth(LeafHashes, 0, n + 1), loaded.Root());
        }
    }

    [Property(MaxTest = 40)]
    public Property IncrementalRoot_EqualsNaiveRoot_ForRandomLeavesBeyond1024(PositiveInt extra, int seed)
    {
        var n = Exhaustive + (extra.Get % 3000);
        var leaves = NaiveMerkle.LeafHashes(n, seed);
        var tree = new MemoryMerkleTree();
        foreach (var h in leaves)
        {
            tree.Append(h);
        }

        var probe = 1 + (Math.Abs(seed % n));
        return (tree.Root().AsSpan().SequenceEqual(NaiveMerkle.Root(leaves))
                && MerkleProofs.Root(tree, probe).AsSpan().SequenceEqual(NaiveMerkle.Mth(leaves, 0, probe)))
            .Label($"n={n}, probe={probe}");
    }

    [Fact]
    public void Append_RefusesLeafHashesOfTheWrongLength()
    {
        var frontier = new MerkleFrontier();

        Assert.Throws<ArgumentException>(() => frontier.Append(new byte[31]));
        Assert.Throws<ArgumentException>(() => frontier.Append(new byte[33]));
        Assert.Equal(0, frontier.Size);
    }
}
