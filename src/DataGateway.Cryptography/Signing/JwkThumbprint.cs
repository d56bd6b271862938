using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DataGateway.Cryptography.Signing;

/// <summary>JWK thumbprints (RFC 7638 §3).</summary>
internal static class JwkThumbprint
{
    /// <summary>
    /// SHA-256 over the required members in lexicographic order with no whitespace (RFC 7638
    /// §3.2: EC uses crv, kty, x, y; RFC 8037 §2: OKP uses crv, kty, x). Member values are
    /// base64url or fixed names, so none needs JSON escaping; anything else is refused.
    /// </summary>
    public static string Compute(JsonWebKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequirePlain(key.Kty);
        RequirePlain(key.Crv);
        RequirePlain(key.X);
        var json = key.Kty switch
        {
            JsonWebKey.EllipticCurveKeyType when key.Y is { } y && IsPlain(y) =>
                $$"""{"crv":"{{key.Crv}}","kty":"EC","x":"{{key.X}}","y":"{{y}}"}""",
            JsonWebKey.OctetKeyPairKeyType =>
                $$"""{"crv":"{{key.Crv}}","kty":"OKP","x":"{{key.X}}"}""",
            _ => throw new ArgumentException($"No thumbprint is defined here for key type '{key.Kty}' or its members are incomplete.", nameof(key)),
        };
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(json)));
    }

    private static void RequirePlain(string value)
    {
        if (!IsPlain(value))
        {
            throw new ArgumentException("JWK members must be non-empty base64url or plain names.", nameof(value));
        }
    }

    private static bool IsPlain(string value) =>
        value.Length > 0 && value.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
