using System.Security.Cryptography;

namespace DataGateway.Storage.Tests.Merkle;

/// <summary>
/// The independent oracle: RFC 9162 §2.1.1's MTH written as the recursive definition, sharing no code with the
/// library (not even its hash helpers), as Trillian cross-checks its trees.
/// </summary>
internal static class NaiveMerkle
{
    public static byte[] LeafHash(byte[] data) => SHA256.HashData([0x00, .. data]);

    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => Mth(leafHashes, 0, leafHashes.Count);

    public static byte[] Mth(IReadOnlyList<byte[]> leafHashes, int start, int n)
    {
        if (n == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }

        if (n == 1)
        {
            return leafHashes[start];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Mth(leafHashes, start, k), .. Mth(leafHashes, start + k, n - k)]);
    }

    public static byte[][] LeafHashes(int count, int seed = 0) =>
        [.. Enumerable.Range(0, count).Select(i => LeafHash(BitConverter.GetBytes(i + (seed * 1_000_003))))];

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
