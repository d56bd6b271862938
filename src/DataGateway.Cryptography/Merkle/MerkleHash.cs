using System.Numerics;
using System.Security.Cryptography;

namespace DataGateway.Cryptography.Merkle;

/// <summary>The RFC 9162 §2.1.1 Merkle tree hashes over SHA-256.</summary>
/// <remarks>
/// The 0x00 (leaf) and 0x01 (node) prefixes keep a leaf from ever hashing like an interior node, which is what
/// stops second-preimage forgeries such as presenting <c>l || r</c> as a leaf (RFC 9162 §2.1.1, RELIABILITY.md A6).
/// The audit chain hash uses 0x02, so it never collides with either.
/// </remarks>
public static class MerkleHash
{
    /// <summary>Size of every hash in the tree.</summary>
    public const int HashSizeInBytes = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;
    private const byte ChainPrefix = 0x02;

    private static readonly byte[] Empty = SHA256.HashData([]);

    /// <summary>The root of the empty tree, <c>SHA-256("")</c> (RFC 9162 §2.1.1).</summary>
    public static ReadOnlySpan<byte> EmptyRoot => Empty;

    /// <summary>The leaf hash <c>SHA-256(0x00 || data)</c>.</summary>
    /// <param name="data">The leaf's bytes.</param>
    /// <returns>The 32-byte hash.</returns>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([LeafPrefix]);
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The audit log's hash-chain link <c>SHA-256(0x02 || previousHash || leafHash)</c>: each entry's hash
    /// (what receipts carry as <c>entryHash</c>) binds its leaf to everything before it.
    /// </summary>
    /// <exception cref="ArgumentException">A hash is not 32 bytes.</exception>
    public static byte[] Chain(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> leafHash)
    {
        if (previousHash.Length != HashSizeInBytes || leafHash.Length != HashSizeInBytes)
        {
            throw new ArgumentException($"Hashes must be {HashSizeInBytes} bytes.");
        }

        Span<byte> input = stackalloc byte[1 + (2 * HashSizeInBytes)];
        input[0] = ChainPrefix;
        previousHash.CopyTo(input[1..]);
        leafHash.CopyTo(input[(1 + HashSizeInBytes)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The interior node hash <c>SHA-256(0x01 || left || right)</c>.</summary>
    /// <param name="left">The left child's hash (32 bytes).</param>
    /// <param name="right">The right child's hash (32 bytes).</param>
    /// <returns>The 32-byte hash.</returns>
    /// <exception cref="ArgumentException">A child is not 32 bytes.</exception>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != HashSizeInBytes || right.Length != HashSizeInBytes)
        {
            throw new ArgumentException($"Child hashes must be {HashSizeInBytes} bytes.");
        }

        var result = new byte[HashSizeInBytes];
        NodeInto(left, right, result);
        return result;
    }

    /// <summary>Writes the node hash into <paramref name="destination"/>; children must be 32 bytes.</summary>
    internal static void NodeInto(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSizeInBytes)];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSizeInBytes)..]);
        SHA256.HashData(input, destination);
    }

    /// <summary>The largest power of two strictly less than <paramref name="n"/>; <paramref name="n"/> must be ≥ 2.</summary>
    internal static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>True if <paramref name="n"/> is a positive power of two.</summary>
    internal static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;
}
