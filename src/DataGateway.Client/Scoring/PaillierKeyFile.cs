using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Client.Scoring;

/// <summary>
/// The bank's Paillier key on disk: JSON with the primes p and q (the whole secret) and the public n,
/// readable only by its owner (mode 0600 on Unix).
/// </summary>
/// <remarks>
/// n is derivable from p·q; it is kept so a reader can show which public key a file belongs to, and
/// a file whose n disagrees with its primes is refused rather than trusted either way.
/// </remarks>
public static class PaillierKeyFile
{
    /// <summary>The value of the <c>kty</c> member.</summary>
    public const string KeyType = "paillier";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
    };

    /// <summary>A short, printable name for a public key: the first 16 bytes of SHA-256 over n's canonical form, hex.</summary>
    /// <param name="n">The modulus in canonical base64url.</param>
    public static string Fingerprint(string n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(n)).AsSpan(0, 16));
    }

    /// <summary>Writes <paramref name="key"/> to <paramref name="path"/>, created owner-only.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="key">The private key.</param>
    /// <param name="overwrite">Replace an existing file; otherwise an existing file is an error.</param>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false, or it cannot be written.</exception>
    public static void Write(string path, PaillierPrivateKey key, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(key);
        var full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
        {
            throw new IOException($"{path} exists; pass --force to replace it.");
        }

        var (p, q) = key.ExportPrimes();
        var document = new KeyDocument { Kty = KeyType, Bits = key.PublicKey.ModulusBits, N = key.PublicKey.ToBase64Url(), P = p, Q = q };

        // Written to a sibling created owner-only from the first byte, then renamed over the target: the
        // secret is never readable by others, not even between creation and a later chmod, and a crash
        // leaves either the old file or the new one.
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, document, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a key file written by <see cref="Write"/>.</summary>
    /// <param name="path">The key file.</param>
    /// <exception cref="InvalidDataException">The file is unreadable, not a Paillier key file, or its primes do not form an acceptable key.</exception>
    public static PaillierPrivateKey Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        KeyDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<KeyDocument>(stream, Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.Message}).", e);
        }
        catch (JsonException e)
        {
            // The parser's message carries a position, never the file's content.
            throw new InvalidDataException($"{path}: not a Paillier key file ({e.Message}).", e);
        }

        if (document is null || document.Kty != KeyType)
        {
            throw new InvalidDataException($"{path}: not a Paillier key file (kty must be \"{KeyType}\").");
        }

        PaillierPrivateKey key;
        try
        {
            key = PaillierPrivateKey.ImportPrimes(document.P, document.Q, PaillierKeyPolicy.Production);
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"{path}: the primes do not form an acceptable Paillier key ({e.Message}).", e);
        }

        if (!string.Equals(document.N, key.PublicKey.ToBase64Url(), StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: n is not the product of the file's primes; the file is corrupt.");
        }

        return key;
    }

    private sealed record KeyDocument
    {
        public required string Kty { get; init; }

        public required int Bits { get; init; }

        public required string N { get; init; }

        public required string P { get; init; }

        public required string Q { get; init; }
    }
}
