using System.Buffers.Text;
using System.Security.Cryptography;

namespace DataGateway.Cryptography.Signing;

/// <summary>The public half of an ES256 key, for checking signatures. Thread-safe.</summary>
public sealed class EcVerificationKey : IDisposable
{
    private readonly EcdsaPerThread _ecdsa;

    private EcVerificationKey(ECParameters publicParameters, JsonWebKey jwk)
    {
        _ecdsa = new EcdsaPerThread(publicParameters);
        PublicJwk = jwk;
    }

    /// <summary>The public key as a JWK (kid = RFC 7638 thumbprint unless built from a JWK with its own kid).</summary>
    public JsonWebKey PublicJwk { get; }

    /// <summary>The key id.</summary>
    public string KeyId => PublicJwk.Kid;

    /// <summary>Loads a P-256 public key from SubjectPublicKeyInfo PEM ("PUBLIC KEY").</summary>
    /// <exception cref="CryptographicException">Not a P-256 public key.</exception>
    public static EcVerificationKey FromPublicPem(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        if (!PemEncoding.TryFind(publicKeyPem, out var fields) || publicKeyPem[fields.Label] is not "PUBLIC KEY")
        {
            throw new CryptographicException("Expected a PEM 'PUBLIC KEY' block holding a P-256 key.");
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(publicKeyPem);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid?.Value != EcSigningKey.P256Oid)
        {
            throw new CryptographicException("The key is not on P-256; ES256 requires P-256 (RFC 7518 §3.4).");
        }

        var jwk = new JsonWebKey(JsonWebKey.EllipticCurveKeyType, JsonWebKey.P256Curve,
            Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y),
            Kid: "", Use: "sig", Alg: CompactJws.Es256);
        return new EcVerificationKey(parameters, jwk with { Kid = jwk.ComputeThumbprint() });
    }

    /// <summary>Builds a key from an ES256 JWK.</summary>
    /// <exception cref="CryptographicException">Not an EC P-256 key, or the point is not on the curve.</exception>
    public static EcVerificationKey FromJwk(JsonWebKey jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        if (!TryGetParameters(jwk, out var parameters))
        {
            throw new CryptographicException("The JWK is not a valid EC P-256 ES256 public key.");
        }

        return new EcVerificationKey(parameters, jwk);
    }

    /// <summary>Checks a 64-byte R||S ES256 signature over <paramref name="data"/>; false on any mismatch.</summary>
    public bool VerifyData(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == EcSigningKey.SignatureSizeInBytes &&
        _ecdsa.Current.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <inheritdoc />
    public void Dispose() => _ecdsa.Dispose();

    /// <summary>
    /// Decodes and validates an ES256 JWK's point. Importing rejects points off the curve, which
    /// closes the invalid-curve attack before any signature is checked against the key.
    /// </summary>
    internal static bool TryGetParameters(JsonWebKey jwk, out ECParameters parameters)
    {
        parameters = default;
        if (!jwk.IsEs256Key ||
            !Base64UrlCanonical.TryDecode(jwk.X, out var x) || x.Length != 32 ||
            !Base64UrlCanonical.TryDecode(jwk.Y, out var y) || y.Length != 32)
        {
            return false;
        }

        var candidate = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } };
        try
        {
            using var probe = ECDsa.Create(candidate);
        }
        catch (CryptographicException)
        {
            return false;
        }

        parameters = candidate;
        return true;
    }
}
