using System.Text.Json.Serialization;

namespace DataGateway.Cryptography.Signing;

/// <summary>
/// A public JSON Web Key (RFC 7517 §4). Today only EC P-256 keys for ES256; an OKP Ed25519 key
/// (RFC 8037 §2) fits the same shape with <see cref="Y"/> null.
/// </summary>
/// <param name="Kty">Key type: "EC" (or "OKP").</param>
/// <param name="Crv">Curve: "P-256" (or "Ed25519").</param>
/// <param name="X">Base64url x coordinate (or the OKP public key).</param>
/// <param name="Y">Base64url y coordinate; null for OKP keys.</param>
/// <param name="Kid">Key id: the RFC 7638 thumbprint for keys this project creates.</param>
/// <param name="Use">Public key use, "sig".</param>
/// <param name="Alg">Algorithm the key is for: "ES256" (or "EdDSA").</param>
public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string? Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string? Use,
    [property: JsonPropertyName("alg")] string? Alg)
{
    /// <summary>"EC": RFC 7518 §6.2 key type.</summary>
    public const string EllipticCurveKeyType = "EC";

    /// <summary>"OKP": RFC 8037 §2 key type.</summary>
    public const string OctetKeyPairKeyType = "OKP";

    /// <summary>"P-256".</summary>
    public const string P256Curve = "P-256";

    /// <summary>"Ed25519".</summary>
    public const string Ed25519Curve = "Ed25519";

    /// <summary>True if this is an EC P-256 key usable for ES256 signatures.</summary>
    [JsonIgnore]
    public bool IsEs256Key =>
        Kty == EllipticCurveKeyType && Crv == P256Curve && Y is not null &&
        (Alg is null || Alg == CompactJws.Es256) && (Use is null || Use == "sig");

    /// <summary>The RFC 7638 thumbprint of this key's required members, base64url SHA-256.</summary>
    public string ComputeThumbprint() => JwkThumbprint.Compute(this);
}
