using System.Buffers.Text;
using DataGateway.Cryptography.Signing;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>An Ed25519 public key that verifies C2SP signed notes, identified by its key name and key id.</summary>
public sealed class NoteVerificationKey
{
    /// <summary>Size of an Ed25519 public key.</summary>
    public const int PublicKeySizeInBytes = 32;

    private readonly byte[] _publicKey;
    private readonly Ed25519PublicKeyParameters _parameters;

    private NoteVerificationKey(string name, byte[] publicKey, Ed25519PublicKeyParameters parameters)
    {
        Name = name;
        _publicKey = publicKey;
        _parameters = parameters;
        KeyId = NoteKeyName.Ed25519KeyId(name, publicKey);
    }

    /// <summary>The key name that signature lines carry (normally the log's origin).</summary>
    public string Name { get; }

    /// <summary>The signed-note key id: the first four bytes of SHA-256(name || 0x0A || 0x01 || key), big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The 32-byte RFC 8032 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Creates a key from its name and 32-byte public key.</summary>
    /// <param name="name">The key name: non-empty, no spaces, no '+'.</param>
    /// <param name="publicKey">The RFC 8032 encoding.</param>
    /// <param name="key">The key, or null.</param>
    /// <returns>False if the name or key is invalid.</returns>
    public static bool TryCreate(string name, ReadOnlySpan<byte> publicKey, out NoteVerificationKey? key)
    {
        key = null;
        if (!NoteKeyName.IsValid(name) || publicKey.Length != PublicKeySizeInBytes)
        {
            return false;
        }

        var bytes = publicKey.ToArray();
        try
        {
            key = new NoteVerificationKey(name, bytes, new Ed25519PublicKeyParameters(bytes));
            return true;
        }
        catch (ArgumentException)
        {
            // BouncyCastle refuses encodings that are not curve points.
            return false;
        }
    }

    /// <summary>Creates a key from a JWK (RFC 8037 §2: kty OKP, crv Ed25519, x).</summary>
    /// <param name="name">The key name the notes use.</param>
    /// <param name="jwk">The JWK; alg, if present, must be EdDSA and use, if present, sig.</param>
    /// <param name="key">The key, or null.</param>
    /// <returns>False if the JWK is not an Ed25519 signing key.</returns>
    public static bool TryFromJsonWebKey(string name, JsonWebKey? jwk, out NoteVerificationKey? key)
    {
        key = null;
        if (jwk is null || jwk.Kty != JsonWebKey.OctetKeyPairKeyType || jwk.Crv != JsonWebKey.Ed25519Curve || jwk.Y is not null
            || (jwk.Alg is not null && jwk.Alg != NoteSigningKey.EdDsaAlgorithm) || (jwk.Use is not null && jwk.Use != "sig")
            || jwk.X is null || !Base64UrlCanonical.TryDecode(jwk.X, out var x))
        {
            return false;
        }

        return TryCreate(name, x, out key);
    }

    /// <summary>The public JWK (kty OKP, crv Ed25519, x; kid = RFC 7638 thumbprint).</summary>
    /// <returns>The JWK.</returns>
    public JsonWebKey ToJsonWebKey()
    {
        var jwk = new JsonWebKey(
            JsonWebKey.OctetKeyPairKeyType, JsonWebKey.Ed25519Curve, Base64Url.EncodeToString(_publicKey), null, string.Empty, "sig", NoteSigningKey.EdDsaAlgorithm);
        return jwk with { Kid = jwk.ComputeThumbprint() };
    }

    /// <summary>Verifies an Ed25519 signature over <paramref name="message"/>; never throws.</summary>
    internal bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != NoteSigningKey.SignatureSizeInBytes)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, _parameters);
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }
}
