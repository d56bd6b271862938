using System.Buffers.Binary;
using System.Text;
using DataGateway.Cryptography.Merkle;

namespace DataGateway.Storage.Audit;

/// <summary>
/// The canonical, versioned leaf encoding of an audit entry, and the hashes built on it.
/// </summary>
/// <remarks>
/// <code>
/// leaf   := 0x01 (version) || i64be(index) || i64be(timestamp, Unix ms)
///           || str(Actor) || str(Role) || str(Institution) || str(Subject) || str(Purpose) || str(Kind)
///           || str(QueryHash) || str(Decision) || str(Reason) || str(ConsentId) || str(PolicyVersion)
///           || str(ResultDigest) || str(Node) || i64be(LatencyMicros) || str(ClientRequestId)
///           || u32be(predicate count) || str(predicate)*
/// str(s) := u32be(byte length) || UTF-8 bytes;  str(null) := 0xFFFFFFFF
/// </code>
/// Every field is length-prefixed, so <c>("ab","c")</c> and <c>("a","bc")</c> never encode alike and no field
/// content (CR/LF, NUL, escapes) can forge another field (RELIABILITY.md A11).
/// The leaf hash is RFC 9162 §2.1.1's <c>SHA-256(0x00 || leaf)</c>, so the Merkle log reuses it as is.
/// The chain hash is <c>SHA-256(0x02 || previous || leafHash)</c>: the 0x02 prefix keeps it apart from Merkle
/// leaf (0x00) and node (0x01) hashes. The first entry's previous hash is 32 zero bytes.
/// </remarks>
public static class AuditLeafEncoding
{
    /// <summary>The encoding version written as the first byte.</summary>
    public const byte Version = 1;

    /// <summary>Size of every hash in the log.</summary>
    public const int HashSizeInBytes = 32;

    private const uint NullMarker = uint.MaxValue;

    // Strict: a lone surrogate must fail loudly rather than silently become U+FFFD and break the round trip.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Genesis = new byte[HashSizeInBytes];

    /// <summary>The previous hash of the first entry: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => Genesis;

    /// <summary>Encodes an entry at a given index and timestamp.</summary>
    /// <param name="index">The entry's index.</param>
    /// <param name="timestampUnixMilliseconds">The entry's timestamp.</param>
    /// <param name="entry">The entry; its strings must be valid UTF-16.</param>
    /// <returns>The leaf bytes.</returns>
    /// <exception cref="ArgumentException">A string holds a lone surrogate, or a required field or predicate is null.</exception>
    public static byte[] Encode(long index, long timestampUnixMilliseconds, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(entry.Predicates);

        var strings = FieldsBeforeLatency(entry);
        var size = 1 + 8 + 8 + 8 + 4 + StringSize(entry.ClientRequestId);
        foreach (var s in strings)
        {
            size += StringSize(s);
        }

        foreach (var p in entry.Predicates)
        {
            size += StringSize(p ?? throw new ArgumentException("A predicate name is null.", nameof(entry)));
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], index);
        BinaryPrimitives.WriteInt64BigEndian(span[9..], timestampUnixMilliseconds);
        var offset = 17;
        foreach (var s in strings)
        {
            offset += WriteString(span[offset..], s);
        }

        BinaryPrimitives.WriteInt64BigEndian(span[offset..], entry.LatencyMicros);
        offset += 8;
        offset += WriteString(span[offset..], entry.ClientRequestId);
        BinaryPrimitives.WriteUInt32BigEndian(span[offset..], (uint)entry.Predicates.Count);
        offset += 4;
        foreach (var p in entry.Predicates)
        {
            offset += WriteString(span[offset..], p);
        }

        return buffer;
    }

    /// <summary>Decodes leaf bytes written by <see cref="Encode"/>.</summary>
    /// <param name="leaf">The leaf bytes.</param>
    /// <returns>The index, timestamp and entry.</returns>
    /// <exception cref="FormatException">The bytes are not exactly one version-1 leaf.</exception>
    public static AuditLeaf Decode(ReadOnlySpan<byte> leaf) => new AuditLeafReader(leaf).ReadLeaf();

    /// <summary>The RFC 9162 leaf hash, <c>SHA-256(0x00 || leaf)</c>.</summary>
    /// <param name="leaf">The leaf bytes.</param>
    /// <returns>The 32-byte leaf hash.</returns>
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf) => MerkleHash.Leaf(leaf);

    /// <summary>The chain hash, <c>SHA-256(0x02 || previousHash || leafHash)</c>.</summary>
    /// <param name="previousHash">The previous entry's chain hash (32 bytes).</param>
    /// <param name="leafHash">This entry's leaf hash (32 bytes).</param>
    /// <returns>The 32-byte chain hash.</returns>
    public static byte[] ChainHash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> leafHash) => MerkleHash.Chain(previousHash, leafHash);

    /// <summary>Convenience: the chain hash of an entry at an index and timestamp after <paramref name="previousHash"/>.</summary>
    /// <param name="previousHash">The previous entry's chain hash.</param>
    /// <param name="index">The entry's index.</param>
    /// <param name="timestampUnixMilliseconds">The entry's timestamp.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The 32-byte chain hash.</returns>
    public static byte[] EntryHash(ReadOnlySpan<byte> previousHash, long index, long timestampUnixMilliseconds, AuditEntry entry) =>
        ChainHash(previousHash, LeafHash(Encode(index, timestampUnixMilliseconds, entry)));

    /// <summary>UTF-8 decoding that refuses invalid bytes, shared with the reader.</summary>
    internal static string DecodeUtf8(ReadOnlySpan<byte> bytes) => StrictUtf8.GetString(bytes);

    private static string?[] FieldsBeforeLatency(AuditEntry e) =>
    [
        Required(e.Actor), Required(e.Role), e.Institution, e.Subject, e.Purpose, Required(e.Kind),
        e.QueryHash, Required(e.Decision), Required(e.Reason), e.ConsentId, e.PolicyVersion, e.ResultDigest, e.Node,
    ];

    private static string Required(string value) =>
        value ?? throw new ArgumentException("A required audit field is null.", nameof(value));

    private static int StringSize(string? value) => 4 + (value is null ? 0 : StrictUtf8.GetByteCount(value));

    private static int WriteString(Span<byte> destination, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, NullMarker);
            return 4;
        }

        var written = StrictUtf8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)written);
        return 4 + written;
    }
}
