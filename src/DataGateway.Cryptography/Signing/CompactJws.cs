using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DataGateway.Cryptography.Signing;

/// <summary>
/// ES256 compact JWS (RFC 7515 §7.1) with a pinned algorithm and kid-only key selection.
/// </summary>
public static class CompactJws
{
    /// <summary>"ES256": ECDSA P-256 SHA-256 (RFC 7518 §3.4).</summary>
    public const string Es256 = "ES256";

    /// <summary>Longest compact JWS accepted; longer input is refused before any decoding.</summary>
    public const int MaximumLengthInChars = 64 * 1024;

    /// <summary>
    /// Signs <paramref name="payload"/>; the protected header is exactly
    /// {"alg":"ES256","kid":key id,"typ":<paramref name="type"/>}.
    /// </summary>
    /// <param name="payload">Bytes to sign (base64url-encoded into the token).</param>
    /// <param name="key">The signing key; its RFC 7638 thumbprint becomes the kid.</param>
    /// <param name="type">The "typ" value, e.g. "dg-attestation+jws": printable ASCII without quotes or backslashes.</param>
    public static string Sign(ReadOnlySpan<byte> payload, EcSigningKey key, string type)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(type);
        if (!type.All(c => c is >= ' ' and <= '~' and not '"' and not '\\'))
        {
            throw new ArgumentException("The JWS type must be printable ASCII without quotes or backslashes.", nameof(type));
        }

        var header = Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            $$"""{"alg":"{{Es256}}","kid":"{{key.KeyId}}","typ":"{{type}}"}"""));
        var signingInput = header + "." + Base64Url.EncodeToString(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Checks <paramref name="compact"/> against the key in <paramref name="keys"/> whose kid the
    /// header names. Never throws on any token; the outputs are set only when the result is
    /// <see cref="JwsStatus.Valid"/>.
    /// </summary>
    public static JwsStatus Verify(string? compact, JsonWebKeySet keys, out byte[]? payload, out JwsHeader? header)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return VerifyCore(compact, kid => kid is null ? null : keys.Find(kid), out payload, out header);
    }

    /// <summary>
    /// Test and interop path: checks a JWS against one given key, whatever its kid (RFC 7515
    /// Appendix A.3 has none). Production code selects keys by kid through <see cref="Verify"/>.
    /// </summary>
    internal static JwsStatus VerifyWithKey(string? compact, JsonWebKey key, out byte[]? payload, out JwsHeader? header) =>
        VerifyCore(compact, _ => key, out payload, out header);

    private static JwsStatus VerifyCore(string? compact, Func<string?, JsonWebKey?> selectKey, out byte[]? payload, out JwsHeader? header)
    {
        payload = null;
        header = null;
        if (compact is null || compact.Length == 0 || compact.Length > MaximumLengthInChars)
        {
            return JwsStatus.Malformed;
        }

        var first = compact.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : compact.IndexOf('.', first + 1);
        if (second < 0 || compact.IndexOf('.', second + 1) >= 0)
        {
            return JwsStatus.Malformed;
        }

        var text = compact.AsSpan();
        if (!Base64UrlCanonical.TryDecode(text[..first], out var headerBytes) ||
            !Base64UrlCanonical.TryDecode(text[(first + 1)..second], out var payloadBytes) ||
            !Base64UrlCanonical.TryDecode(text[(second + 1)..], out var signature) ||
            !JwsHeaderReader.TryRead(headerBytes, out var parsed) || parsed is null)
        {
            return JwsStatus.Malformed;
        }

        // RFC 8725 §3.1: the algorithm is pinned, never taken from the token. This refuses
        // "none" and HS256-with-the-public-key confusion before any key is looked at.
        if (!string.Equals(parsed.Alg, Es256, StringComparison.Ordinal))
        {
            return JwsStatus.UnsupportedAlgorithm;
        }

        if (selectKey(parsed.Kid) is not { } jwk || !EcVerificationKey.TryGetParameters(jwk, out var parameters))
        {
            return JwsStatus.UnknownKey;
        }

        if (signature.Length != EcSigningKey.SignatureSizeInBytes)
        {
            return JwsStatus.BadSignature;
        }

        try
        {
            using var ecdsa = ECDsa.Create(parameters);
            var signingInput = Encoding.ASCII.GetBytes(compact, 0, second);
            if (!ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return JwsStatus.BadSignature;
            }
        }
        catch (CryptographicException)
        {
            return JwsStatus.BadSignature;
        }

        payload = payloadBytes;
        header = parsed;
        return JwsStatus.Valid;
    }
}
