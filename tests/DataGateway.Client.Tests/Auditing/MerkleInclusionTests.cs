using DataGateway.Client.Auditing;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;

namespace DataGateway.Client.Tests.Auditing;

/// <summary>
/// The SDK's own inclusion verifier agrees with the server's (an independent implementation, as Trillian
/// cross-checks) on every valid proof and every corrupted probe of RELIABILITY.md A5, for all sizes up to 64.
/// </summary>
public sealed class MerkleInclusionTests
{
    [Fact]
    public void Verify_AgreesWithTheServerVerifier_OnEveryProofAndProbe()
    {
        var tree = new MemoryMerkleTree();
        var leaves = new List<byte[]>();
        var accepted = 0;
        for (var size = 1; size <= 64; size++)
        {
            var leaf = MerkleHash.Leaf(BitConverter.GetBytes(size));
            leaves.Add(leaf);
            tree.Append(leaf);
            var root = tree.Root();
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleProofs.Inclusion(tree, index, size);
                Assert.True(MerkleInclusion.Verify(index, size, leaves[index], proof, root));
                foreach (var (i, n, l, p, r) in Probes(index, size, leaves[index], proof, root))
                {
                    var server = MerkleVerifier.VerifyInclusion(i, n, l, p, r) == MerkleProofError.None;
                    var client = MerkleInclusion.Verify(i, n, l, p, r);
                    Assert.Equal(server, client);
                    accepted += client ? 1 : 0;
                }
            }
        }

        Assert.Equal(0, accepted); // every probe is a corruption: zero false accepts on either side
    }

    [Fact]
    public void ChainHash_EqualsTheServerChainHash()
    {
        var previous = MerkleHash.Leaf([9]);
        var leaf = MerkleHash.Leaf([7]);

        Assert.Equal(AuditLeafEncoding.ChainHash(previous, leaf), MerkleInclusion.ChainHash(previous, leaf));
    }

    private static IEnumerable<(long, long, byte[], IReadOnlyList<byte[]>?, byte[])> Probes(long index, long size, byte[] leaf, byte[][] proof, byte[] root)
    {
        yield return (index + 1, size, leaf, proof, root);
        yield return (index - 1, size, leaf, proof, root);
        yield return (index ^ 2, size, leaf, proof, root);
        yield return (index, size * 2, leaf, proof, root);
        yield return (index, size / 2, leaf, proof, root);
        yield return (index, size, MerkleHash.Leaf([0xFF]), proof, root);
        yield return (index, size, leaf, proof, MerkleHash.EmptyRoot.ToArray());
        yield return (index, size, leaf, [.. proof, root], root);
        yield return (index, size, leaf, [root, .. proof], root);
        yield return (index, size, leaf, null, root);
        yield return (long.MaxValue, long.MaxValue, leaf, proof, root);
        yield return (index, size, leaf[..31], proof, root);
        for (var e = 0; e < proof.Length; e++)
        {
            var flipped = proof.Select(p => p.ToArray()).ToArray();
            flipped[e][e % 32] ^= 1;
            yield return (index, size, leaf, flipped, root);
            yield return (index, size, leaf, [.. proof[..e], .. proof[(e + 1)..]], root);
        }
    }
}
