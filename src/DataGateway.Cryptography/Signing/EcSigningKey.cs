using System.Buffers.Text;
using System.Security.Cryptography;

namespace DataGateway.Cryptography.Signing;

/// <summary>
/// An ES256 signing key: ECDSA over P-256 with SHA-256 (RFC 7518 §3.4). Thread-safe: sign from
/// any number of threads at once.
/// </summary>
public sealed class EcSigningKey : IDisposable
{
    /// <summary>Size of an ES256 signature: R and S as 32-byte big-endian integers (RFC 7518 §3.4).</summary>
    public const int SignatureSizeInBytes = 64;

    internal const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly EcdsaPerThread _ecdsa;

    private EcSigningKey(ECParameters privateParameters)
    {
        _ecdsa = new EcdsaPerThread(privateParameters);
        var q = privateParameters.Q;
        var jwk = new JsonWebKey(JsonWebKey.EllipticCurveKeyType, JsonWebKey.P256Curve,
            Base64Url.EncodeToString(q.X), Base64Url.EncodeToString(q.Y), Kid: "", Use: "sig", Alg: CompactJws.Es256);
        KeyId = jwk.ComputeThumbprint();
        PublicJwk = jwk with { Kid = KeyId };
    }

    /// <summary>The RFC 7638 JWK thumbprint of the public key, base64url: the JWS "kid".</summary>
    public string KeyId { get; }

    /// <summary>The public key as a JWK with kid, use "sig" and alg "ES256".</summary>
    public JsonWebKey PublicJwk { get; }

    /// <summary>Creates a fresh key from the operating system's CSPRNG.</summary>
    public static EcSigningKey Generate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new EcSigningKey(ecdsa.ExportParameters(includePrivateParameters: true));
    }

    /// <summary>Loads a P-256 private key from PEM ("PRIVATE KEY" PKCS#8, or "EC PRIVATE KEY" SEC1).</summary>
    /// <exception cref="CryptographicException">Not a P-256 private key.</exception>
    public static EcSigningKey FromPem(string pkcs8PrivateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(pkcs8PrivateKeyPem);
        if (!PemEncoding.TryFind(pkcs8PrivateKeyPem, out var fields) ||
            pkcs8PrivateKeyPem[fields.Label] is not ("PRIVATE KEY" or "EC PRIVATE KEY"))
        {
            throw new CryptographicException("Expected a PEM 'PRIVATE KEY' block holding a P-256 key.");
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pkcs8PrivateKeyPem);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        if (parameters.Curve.Oid?.Value != P256Oid)
        {
            throw new CryptographicException("The key is not on P-256; ES256 requires P-256 (RFC 7518 §3.4).");
        }

        return new EcSigningKey(parameters);
    }

    /// <summary>The private key as PKCS#8 PEM ("PRIVATE KEY").</summary>
    public string ExportPrivateKeyPem() => _ecdsa.Current.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key as SubjectPublicKeyInfo PEM ("PUBLIC KEY").</summary>
    public string ExportPublicKeyPem() => _ecdsa.Current.ExportSubjectPublicKeyInfoPem();

    /// <summary>The verification half of this key.</summary>
    public EcVerificationKey ToVerificationKey() => EcVerificationKey.FromJwk(PublicJwk);

    /// <summary>Signs <paramref name="data"/> with ES256; returns the 64-byte R||S signature.</summary>
    public byte[] SignData(ReadOnlySpan<byte> data) =>
        _ecdsa.Current.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <inheritdoc />
    public void Dispose() => _ecdsa.Dispose();

    internal ECDsa CurrentEcdsa => _ecdsa.Current;
}
