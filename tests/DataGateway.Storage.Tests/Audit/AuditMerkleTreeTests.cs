using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Tests.Merkle;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>The audit log keeps an RFC 9162 Merkle tree over exactly its entries, in the same transaction.</summary>
public sealed class AuditMerkleTreeTests
{
    private static CancellationToken Ct => TempDatabase.Ct;

    [Fact]
    public async Task ReadTree_RootEqualsTheIndependentTreeOverStoredEntries_AndEveryInclusionProofVerifies()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => log.AppendAsync(Some.Entry(i), Ct).AsTask()));

        var leafHashes = await LeafHashesAsync(db, log);
        var root = log.ReadTree(tree => tree.Root(tree.Size));

        Assert.Equal(300, leafHashes.Count);
        Assert.Equal(NaiveMerkle.Root(leafHashes), root);
        for (var i = 0; i < leafHashes.Count; i += 7)
        {
            var proof = log.ReadTree(tree => tree.Inclusion(i, 300));
            Assert.Equal(leafHashes[i], proof.LeafHash);
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyInclusion(i, 300, leafHashes[i], proof.Path, root));
        }

        var oldRoot = NaiveMerkle.Root(leafHashes.Take(100).ToArray());
        var consistency = log.ReadTree(tree => tree.Consistency(100, 300));
        Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(100, 300, oldRoot, root, consistency.Path));
    }

    [Fact]
    public async Task Open_RebuildsTheTreeFromEntries_WhenTheTreeTableIsLost()
    {
        using var db = new TempDatabase();
        byte[] before;
        await using (var log = await db.OpenAsync())
        {
            for (var i = 0; i < 40; i++)
            {
                await log.AppendAsync(Some.Entry(i), Ct);
            }

            before = log.ReadTree(tree => tree.Root(40));
        }

        using (var raw = db.OpenRaw())
        using (var drop = raw.CreateCommand())
        {
            drop.CommandText = "DELETE FROM merkle_nodes";
            drop.ExecuteNonQuery();
        }

        await using var reopened = await db.OpenAsync();
        await reopened.AppendAsync(Some.Entry(40), Ct);

        Assert.Equal(before, reopened.ReadTree(tree => tree.Root(40)));
        Assert.Equal(41, reopened.ReadTree(tree => tree.Size));
    }

    [Fact]
    public async Task Open_RefusesALogWhoseEntriesWereCutBelowTheTree()
    {
        using var db = new TempDatabase();
        await using (var log = await db.OpenAsync())
        {
            for (var i = 0; i < 10; i++)
            {
                await log.AppendAsync(Some.Entry(i), Ct);
            }
        }

        using (var raw = db.OpenRaw())
        using (var cut = raw.CreateCommand())
        {
            cut.CommandText = "DELETE FROM audit_entries WHERE seq >= 8";
            cut.ExecuteNonQuery();
        }

        await Assert.ThrowsAsync<AuditCorruptException>(() => db.OpenAsync());
    }

    private static async Task<List<byte[]>> LeafHashesAsync(TempDatabase db, IAuditLog log) =>
        (await db.ReadAllAsync(log))
            .Select(e => AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(e.Index, e.Timestamp.ToUnixTimeMilliseconds(), e.Entry)))
            .ToList();
}
