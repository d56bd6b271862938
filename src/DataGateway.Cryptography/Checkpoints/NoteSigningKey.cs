using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>An Ed25519 private key that signs C2SP signed notes (c2sp.org/signed-note, signature type 0x01).</summary>
public sealed class NoteSigningKey : IDisposable
{
    /// <summary>Size of an Ed25519 private key seed.</summary>
    public const int SeedSizeInBytes = 32;

    /// <summary>Size of an Ed25519 signature.</summary>
    public const int SignatureSizeInBytes = 64;

    /// <summary>The JOSE algorithm name for Ed25519 (RFC 8037 §3.1).</summary>
    public const string EdDsaAlgorithm = "EdDSA";

    private readonly byte[] _seed;
    private readonly Ed25519PrivateKeyParameters _parameters;

    private NoteSigningKey(string name, byte[] seed)
    {
        _seed = seed;
        _parameters = new Ed25519PrivateKeyParameters(seed);
        var publicKey = _parameters.GeneratePublicKey().GetEncoded();
        if (!NoteVerificationKey.TryCreate(name, publicKey, out var verificationKey))
        {
            throw new ArgumentException("The key name must be non-empty and hold no spaces, '+' or control characters.", nameof(name));
        }

        VerificationKey = verificationKey!;
    }

    /// <summary>The key name written in signature lines.</summary>
    public string Name => VerificationKey.Name;

    /// <summary>The signed-note key id.</summary>
    public uint KeyId => VerificationKey.KeyId;

    /// <summary>The matching public key.</summary>
    public NoteVerificationKey VerificationKey { get; }

    /// <summary>Generates a fresh key from <see cref="RandomNumberGenerator"/>.</summary>
    /// <param name="name">The key name (normally the log's origin).</param>
    /// <returns>The key.</returns>
    public static NoteSigningKey Generate(string name) => new(name, RandomNumberGenerator.GetBytes(SeedSizeInBytes));

    /// <summary>Recreates a key from its stored 32-byte seed.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="seed">The RFC 8032 private key seed.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The seed is not 32 bytes or the name is invalid.</exception>
    public static NoteSigningKey FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSizeInBytes)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSizeInBytes} bytes.", nameof(seed));
        }

        return new NoteSigningKey(name, seed.ToArray());
    }

    /// <summary>A copy of the seed, for the caller to store protected.</summary>
    /// <returns>The 32-byte seed.</returns>
    public byte[] ExportSeed() => _seed.ToArray();

    /// <summary>Signs a note text and returns the signed note: text, blank line, one signature line.</summary>
    /// <param name="text">The note text: non-empty, ends with a newline, no other control characters.</param>
    /// <returns>The signed note.</returns>
    /// <exception cref="ArgumentException">The text is not a valid note text.</exception>
    public string Sign(string text)
    {
        if (!SignedNote.IsValidText(text))
        {
            throw new ArgumentException("A note text is non-empty, ends with a newline and holds no other control characters.", nameof(text));
        }

        return text + "\n" + SignatureLine(Encoding.UTF8.GetBytes(text));
    }

    /// <inheritdoc />
    public void Dispose() => CryptographicOperations.ZeroMemory(_seed);

    private string SignatureLine(byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _parameters);
        signer.BlockUpdate(message, 0, message.Length);
        var signature = signer.GenerateSignature();
        // base64(uint32be key id || signature), standard alphabet with padding (signed-note "Conventions").
        var payload = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, KeyId);
        signature.CopyTo(payload, 4);
        return $"{SignedNote.SignaturePrefix}{Name} {Convert.ToBase64String(payload)}\n";
    }
}
