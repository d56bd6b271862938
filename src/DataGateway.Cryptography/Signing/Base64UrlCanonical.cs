using System.Buffers.Text;

namespace DataGateway.Cryptography.Signing;

/// <summary>Strict base64url (RFC 7515 §2: no padding, no line breaks, no other characters).</summary>
internal static class Base64UrlCanonical
{
    /// <summary>
    /// Decodes <paramref name="text"/> only if it is the one canonical encoding of its bytes.
    /// </summary>
    /// <remarks>
    /// The runtime decoder tolerates padding, whitespace and non-zero unused trailing bits, so
    /// several strings decode to the same bytes. Re-encoding and comparing refuses all of them:
    /// a token then has exactly one spelling, which is what tamper tests and replay caches assume.
    /// </remarks>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
        {
            if (!IsAlphabet(c))
            {
                return false;
            }
        }

        // A length of 4n+1 cannot be base64 at all; the runtime throws rather than returning false.
        if (text.Length % 4 == 1)
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        int written;
        try
        {
            // TryDecodeFromChars still throws FormatException for some malformed final quanta.
            if (!Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        var decoded = buffer.AsSpan(0, written);
        if (Base64Url.GetEncodedLength(written) != text.Length)
        {
            return false;
        }

        Span<char> reencoded = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        if (!Base64Url.TryEncodeToChars(decoded, reencoded, out var chars) || !reencoded[..chars].SequenceEqual(text))
        {
            return false;
        }

        bytes = decoded.ToArray();
        return true;
    }

    private static bool IsAlphabet(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
