using System.Security.Cryptography;

namespace DataGateway.Client.Auditing;

/// <summary>
/// RFC 9162 §2.1.3.2 inclusion-proof verification and the audit log's hashes, for the SDK, which must not depend on
/// the server's storage code. Never throws; a proof must be consumed exactly (RELIABILITY.md A5).
/// </summary>
internal static class MerkleInclusion
{
    /// <summary>Size of every hash.</summary>
    public const int HashSizeInBytes = 32;

    // A tree of at most 2^63 leaves has at most 63 levels.
    private const int MaxPathLength = 63;

    /// <summary>True when <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="rootHash"/>.</summary>
    public static bool Verify(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]>? path, ReadOnlySpan<byte> rootHash)
    {
        if (index < 0 || treeSize <= 0 || index >= treeSize || path is null || path.Count > MaxPathLength
            || leafHash.Length != HashSizeInBytes || rootHash.Length != HashSizeInBytes || path.Any(p => p is null || p.Length != HashSizeInBytes))
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, rootHash);
    }

    /// <summary>The log's chain hash <c>SHA-256(0x02 || previous || leafHash)</c>, which receipts carry as entryHash.</summary>
    public static byte[] ChainHash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> leafHash) => Hash(0x02, previousHash, leafHash);

    private static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => Hash(0x01, left, right);

    private static byte[] Hash(byte prefix, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSizeInBytes)];
        input[0] = prefix;
        a.CopyTo(input[1..]);
        b.CopyTo(input[(1 + HashSizeInBytes)..]);
        return SHA256.HashData(input);
    }
}
