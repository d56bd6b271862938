namespace DataGateway.Storage.Tests.Merkle;

/// <summary>
/// The corrupted-probe lists of RELIABILITY.md A5, ported (the list, not the code) from transparency-dev
/// <c>proof/verify_test.go</c>, plus a 32-byte garbage element so length checks alone cannot refuse every probe.
/// </summary>
internal static class ProofProbes
{
    public static readonly byte[] SomeHash = NaiveMerkle.Hex("abacaba000000000000000000000000000000000000000000060061e00123456");
    public static readonly byte[] EmptyTreeHash = NaiveMerkle.Hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    public static IEnumerable<InclusionProbe> Inclusion(long index, long size, byte[][] proof, byte[] root, byte[] leaf, byte[] otherLeaf)
    {
        yield return new("index - 1", index - 1, size, root, leaf, proof);
        yield return new("index + 1", index + 1, size, root, leaf, proof);
        yield return new("index ^ 2", index ^ 2, size, root, leaf, proof);
        yield return new("size * 2", index, size * 2, root, leaf, proof);
        yield return new("size / 2", index, size / 2, root, leaf, proof);
        yield return new("wrong leaf", index, size, root, otherLeaf, proof);
        yield return new("short leaf", index, size, root, "WrongLeaf"u8.ToArray(), proof);
        yield return new("empty root", index, size, EmptyTreeHash, leaf, proof);
        yield return new("random root", index, size, SomeHash, leaf, proof);
        yield return new("trailing empty", index, size, root, leaf, [.. proof, []]);
        yield return new("trailing garbage", index, size, root, leaf, [.. proof, SomeHash]);
        yield return new("trailing root", index, size, root, leaf, [.. proof, root]);
        yield return new("preceding empty", index, size, root, leaf, [[], .. proof]);
        yield return new("preceding garbage", index, size, root, leaf, [SomeHash, .. proof]);
        yield return new("preceding root", index, size, root, leaf, [root, .. proof]);
        for (var i = 0; i < proof.Length; i++)
        {
            var wrong = proof.Select(p => p.ToArray()).ToArray();
            wrong[i][0] ^= 8;
            yield return new($"proof[{i}] bit 3", index, size, root, leaf, wrong);
            var last = proof.Select(p => p.ToArray()).ToArray();
            last[i][31] ^= 1;
            yield return new($"proof[{i}] last bit", index, size, root, leaf, last);
        }

        if (proof.Length > 0)
        {
            yield return new("removed last", index, size, root, leaf, proof[..^1]);
            yield return new("removed first", index, size, root, leaf, proof[1..]);
        }

        if (proof.Length > 1)
        {
            yield return new("inserted component", index, size, root, leaf, [proof[0], SomeHash, .. proof[1..]]);
        }
    }

    public static IEnumerable<ConsistencyProbe> Consistency(long size1, long size2, byte[] root1, byte[] root2, byte[][] proof)
    {
        yield return new("size1 - 1", size1 - 1, size2, root1, root2, proof);
        yield return new("size1 + 1", size1 + 1, size2, root1, root2, proof);
        yield return new("size1 ^ 2", size1 ^ 2, size2, root1, root2, proof);
        yield return new("size2 * 2", size1, size2 * 2, root1, root2, proof);
        yield return new("size2 / 2", size1, size2 / 2, root1, root2, proof);
        yield return new("sizes swapped", size2, size1, root2, root1, proof);
        yield return new("wrong root1", size1, size2, "WrongRoot"u8.ToArray(), root2, proof);
        yield return new("wrong root2", size1, size2, root1, "WrongRoot"u8.ToArray(), proof);
        yield return new("random root1", size1, size2, SomeHash, root2, proof);
        yield return new("random root2", size1, size2, root1, SomeHash, proof);
        yield return new("swapped roots", size1, size2, root2, root1, proof);
        yield return new("empty proof", size1, size2, root1, root2, []);
        yield return new("trailing empty", size1, size2, root1, root2, [.. proof, []]);
        yield return new("trailing garbage", size1, size2, root1, root2, [.. proof, SomeHash]);
        yield return new("trailing root1", size1, size2, root1, root2, [.. proof, root1]);
        yield return new("trailing root2", size1, size2, root1, root2, [.. proof, root2]);
        yield return new("preceding empty", size1, size2, root1, root2, [[], .. proof]);
        yield return new("preceding root1", size1, size2, root1, root2, [root1, .. proof]);
        yield return new("preceding root2", size1, size2, root1, root2, [root2, .. proof]);
        yield return new("preceding proof[0]", size1, size2, root1, root2, [proof[0], .. proof]);
        yield return new("truncated", size1, size2, root1, root2, proof[..^1]);
        yield return new("removed first", size1, size2, root1, root2, proof[1..]);
        if (proof.Length > 1)
        {
            yield return new("inserted component", size1, size2, root1, root2, [proof[0], SomeHash, .. proof[1..]]);
        }

        for (var i = 0; i < proof.Length; i++)
        {
            var wrong = proof.Select(p => p.ToArray()).ToArray();
            wrong[i][0] ^= 16;
            yield return new($"proof[{i}] bit 4", size1, size2, root1, root2, wrong);
        }
    }

    internal sealed record InclusionProbe(string Description, long Index, long Size, byte[] Root, byte[] Leaf, byte[][] Proof);

    internal sealed record ConsistencyProbe(string Description, long Size1, long Size2, byte[] Root1, byte[] Root2, byte[][] Proof);
}
