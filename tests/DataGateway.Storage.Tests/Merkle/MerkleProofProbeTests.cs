using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Merkle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataGateway.Storage.Tests.Merkle;

/// <summary>
/// RELIABILITY.md A5: every valid proof verifies and no corrupted probe is accepted, for every size ≤ 256 and index
/// (inclusion) and every pair ≤ 128 (consistency). Roots come from the naive oracle, proofs from the library.
/// </summary>
public sealed class MerkleProofProbeTests
{
    private const int MaxInclusionSize = 256;
    private const int MaxConsistencySize = 128;

    // One shared tree: every prefix of it is the tree of that size, so nothing is rebuilt per case.
    private static readonly byte[][] LeafHashes = NaiveMerkle.LeafHashes(MaxInclusionSize);
    private static readonly MemoryMerkleTree Tree = Build();
    private static readonly byte[][] NaiveRoots = [.. Enumerable.Range(0, MaxInclusionSize + 1).Select(n => NaiveMerkle.Mth(LeafHashes, 0, n))];

    public static TheoryData<int> InclusionSizeBands => new(Enumerable.Range(0, 8));

    [Theory]
    [MemberData(nameof(InclusionSizeBands))]
    public void VerifyInclusion_AcceptsEveryValidProofAndNoProbe_ForEveryIndexOfSizesUpTo256(int band)
    {
        var falseAccepts = new List<string>();
        var probes = 0;
        // Eight bands of 32 sizes keep each case short and the failure message specific.
        for (var size = (band * 32) + 1; size <= (band + 1) * 32; size++)
        {
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleProofs.Inclusion(Tree, index, size);
                var root = NaiveRoots[size];
                Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyInclusion(index, size, LeafHashes[index], proof, root));

                var otherLeaf = LeafHashes[(index + 1) % MaxInclusionSize];
                foreach (var p in ProofProbes.Inclusion(index, size, proof, root, LeafHashes[index], otherLeaf))
                {
                    probes++;
                    if (MerkleVerifier.VerifyInclusion(p.Index, p.Size, p.Leaf, p.Proof, p.Root) == MerkleProofError.None)
                    {
                        falseAccepts.Add($"size {size} index {index}: {p.Description}");
                    }
                }
            }
        }

        Assert.Empty(falseAccepts);
        Assert.True(probes > 0);
    }

    [Fact]
    public void VerifyConsistency_AcceptsEveryValidProofAndNoProbe_ForAllPairsUpTo128()
    {
        var falseAccepts = new List<string>();
        for (var size2 = 1; size2 <= MaxConsistencySize; size2++)
        {
            for (var size1 = 1; size1 < size2; size1++)
            {
                var proof = MerkleProofs.Consistency(Tree, size1, size2);
                Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(size1, size2, NaiveRoots[size1], NaiveRoots[size2], proof));
                Assert.NotEmpty(proof);
                foreach (var p in ProofProbes.Consistency(size1, size2, NaiveRoots[size1], NaiveRoots[size2], proof))
                {
                    if (MerkleVerifier.VerifyConsistency(p.Size1, p.Size2, p.Root1, p.Root2, p.Proof) == MerkleProofError.None)
                    {
                        falseAccepts.Add($"{size1}->{size2}: {p.Description}");
                    }
                }

                // A proof for another pair must not verify this one.
                var neighbour = MerkleProofs.Consistency(Tree, size1, size2 + 1);
                if (MerkleVerifier.VerifyConsistency(size1, size2, NaiveRoots[size1], NaiveRoots[size2], neighbour) == MerkleProofError.None)
                {
                    falseAccepts.Add($"{size1}->{size2}: proof of {size1}->{size2 + 1}");
                }
            }
        }

        Assert.Empty(falseAccepts);
    }

    [Fact]
    public void VerifyConsistency_HandlesEqualAndEmptySizes_ForEverySizeUpTo128()
    {
        for (var n = 0; n <= MaxConsistencySize; n++)
        {
            var root = NaiveRoots[n];
            Assert.Empty(MerkleProofs.Consistency(Tree, n, n));
            Assert.Empty(MerkleProofs.Consistency(Tree, 0, n));
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(n, n, root, root, []));
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(0, n, ProofProbes.EmptyTreeHash, root, []));
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyConsistency(n, n, root, ProofProbes.SomeHash, []));
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyConsistency(n, n, root, root, [root]));
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyConsistency(0, n, ProofProbes.SomeHash, root, []));
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyConsistency(0, n, ProofProbes.EmptyTreeHash, root, [root]));
            if (n > 0)
            {
                // Time travel: the newer tree is never "consistent" with an older, smaller one.
                Assert.Equal(MerkleProofError.OutOfRange, MerkleVerifier.VerifyConsistency(n, n - 1, root, NaiveRoots[n - 1], []));
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property Proofs_VerifyAgainstNaiveRoots_ForRandomSizesUpTo16384(PositiveInt sizeSeed, NonNegativeInt indexSeed)
    {
        var size = 257 + (sizeSeed.Get % (LargeLeafHashes.Length - 257));
        var index = indexSeed.Get % size;
        var first = 1 + (indexSeed.Get % (size - 1));
        var root = NaiveMerkle.Mth(LargeLeafHashes, 0, size);
        var inclusion = MerkleProofs.Inclusion(LargeTree, index, size);
        var consistency = MerkleProofs.Consistency(LargeTree, first, size);
        var firstRoot = NaiveMerkle.Mth(LargeLeafHashes, 0, first);

        var valid = MerkleVerifier.VerifyInclusion(index, size, LargeLeafHashes[index], inclusion, root) == MerkleProofError.None
            && MerkleVerifier.VerifyConsistency(first, size, firstRoot, root, consistency) == MerkleProofError.None;
        var probesRefused = ProofProbes.Inclusion(index, size, inclusion, root, LargeLeafHashes[index], LargeLeafHashes[(index + 1) % size])
                .All(p => MerkleVerifier.VerifyInclusion(p.Index, p.Size, p.Leaf, p.Proof, p.Root) != MerkleProofError.None)
            && ProofProbes.Consistency(first, size, firstRoot, root, consistency)
                .All(p => MerkleVerifier.VerifyConsistency(p.Size1, p.Size2, p.Root1, p.Root2, p.Proof) != MerkleProofError.None);
        return (valid && probesRefused).Label($"size={size}, index={index}, first={first}");
    }

    private static readonly byte[][] LargeLeafHashes = NaiveMerkle.LeafHashes(1 << 14, seed: 3);
    private static readonly MemoryMerkleTree LargeTree = Build(LargeLeafHashes);

    private static MemoryMerkleTree Build(byte[][] leafHashes)
    {
        var tree = new MemoryMerkleTree();
        foreach (var h in leafHashes)
        {
            tree.Append(h);
        }

        return tree;
    }

    private static MemoryMerkleTree Build()
    {
        var tree = new MemoryMerkleTree();
        foreach (var h in LeafHashes)
        {
            tree.Append(h);
        }

        return tree;
    }
}
