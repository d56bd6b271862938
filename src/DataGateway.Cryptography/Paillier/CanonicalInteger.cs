using System.Buffers.Text;
using System.Numerics;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cryptography.Paillier;

/// <summary>
/// The wire form of Paillier integers (API.md "Models and encrypted scores"): unpadded base64url of
/// the unsigned big-endian bytes, with no leading zero byte.
/// </summary>
internal static class CanonicalInteger
{
    /// <summary>Encodes a positive integer in its one canonical spelling.</summary>
    public static string Encode(BigInteger value)
    {
        if (value.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Only positive integers have a wire form.");
        }

        return Base64Url.EncodeToString(value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>
    /// Decodes <paramref name="text"/> only if it is the canonical spelling of a positive integer of at
    /// most <paramref name="maxBytes"/> bytes.
    /// </summary>
    /// <remarks>
    /// The length is checked before decoding so an oversized value costs nothing (RELIABILITY P3), and a
    /// leading zero byte is refused so every integer has exactly one spelling: a ciphertext digest over
    /// the registered strings (P6) then cannot be changed without changing the value.
    /// </remarks>
    public static bool TryDecode(string? text, int maxBytes, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > Base64Url.GetEncodedLength(maxBytes))
        {
            return false;
        }

        if (!Base64UrlCanonical.TryDecode(text, out var bytes) || bytes.Length == 0 || bytes.Length > maxBytes || bytes[0] == 0)
        {
            return false;
        }

        value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return true;
    }

    /// <summary>The number of bytes of the unsigned big-endian form of <paramref name="value"/>.</summary>
    public static int ByteLength(BigInteger value) => (int)((value.GetBitLength() + 7) / 8);
}
