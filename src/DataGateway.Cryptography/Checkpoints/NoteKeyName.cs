using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>Key-name rules and key ids of C2SP signed-note (c2sp.org/signed-note, "Format" and "Signatures").</summary>
internal static class NoteKeyName
{
    /// <summary>Signature type byte for Ed25519 (signed-note "Signature types").</summary>
    public const byte Ed25519SignatureType = 0x01;

    /// <summary>Non-empty, no Unicode spaces, no '+', no control characters, valid UTF-16.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '+' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= name.Length || !char.IsLowSurrogate(name[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4], big-endian.</summary>
    public static uint Ed25519KeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = Ed25519SignatureType;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
