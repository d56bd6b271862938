using System.Buffers.Binary;
using System.Buffers.Text;

namespace DataGateway.Storage.Audit;

/// <summary>
/// The opaque page cursor of <c>GET /v1/audit/entries</c>: base64url (no padding) of the last returned index as
/// 8 big-endian bytes. Opaque so clients pass it back unchanged rather than doing arithmetic on indexes.
/// </summary>
public static class AuditCursor
{
    private const int SizeInBytes = sizeof(long);

    /// <summary>Encodes the index of the last entry of a page.</summary>
    /// <param name="lastIndex">A non-negative index.</param>
    /// <returns>The cursor.</returns>
    public static string Encode(long lastIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastIndex);
        Span<byte> bytes = stackalloc byte[SizeInBytes];
        BinaryPrimitives.WriteInt64BigEndian(bytes, lastIndex);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a cursor; refuses anything <see cref="Encode"/> would not have written.</summary>
    /// <param name="cursor">The cursor text.</param>
    /// <param name="lastIndex">The decoded index.</param>
    /// <returns>False if the cursor is malformed.</returns>
    public static bool TryDecode(string? cursor, out long lastIndex)
    {
        lastIndex = 0;
        Span<byte> bytes = stackalloc byte[SizeInBytes + 3];
        // IsValid first: TryDecodeFromChars throws, rather than returning false, on characters outside the alphabet.
        if (cursor is null || cursor.Length != 11 || !Base64Url.IsValid(cursor)
            || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != SizeInBytes)
        {
            return false;
        }

        lastIndex = BinaryPrimitives.ReadInt64BigEndian(bytes);
        // Canonical only: one index, one cursor (non-zero trailing bits would decode to the same bytes).
        return lastIndex >= 0 && string.Equals(Encode(lastIndex), cursor, StringComparison.Ordinal);
    }
}
