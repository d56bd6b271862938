using System.Security.Cryptography;

namespace DataGateway.Cryptography.Keys;

/// <summary>File names of the development key material directory and how they are written.</summary>
internal static class DevKeyFiles
{
    public const string CaCertificate = "ca.crt.pem";
    public const string CaKey = "ca.key.pem";
    public const string ServerCertificate = "server.crt.pem";
    public const string ServerKey = "server.key.pem";
    public const string TokenSigningKey = "token-signing.key.pem";
    public const string TokenSigningPublicKey = "token-signing.pub.pem";
    public const string AttestationKey = "attestation.key.pem";
    public const string TicketSecret = "ticket.secret";
    public const string PlatformHmacKey = "platform-hmac.key";
    public const string CheckpointKey = "checkpoint.key";

    public const string ClientPrefix = "client-";
    public const string CertificateSuffix = ".crt.pem";
    public const string KeySuffix = ".key.pem";

    /// <summary>Files <see cref="DevKeyMaterial.Load"/> cannot do without.</summary>
    public static readonly string[] Required =
    [
        CaCertificate, CaKey, ServerCertificate, ServerKey, TokenSigningKey, TokenSigningPublicKey,
        AttestationKey, TicketSecret, PlatformHmacKey, CheckpointKey,
    ];

    public const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode PublicMode = PrivateMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static string ClientCertificate(string institutionId) => ClientPrefix + institutionId + CertificateSuffix;

    public static string ClientKey(string institutionId) => ClientPrefix + institutionId + KeySuffix;

    /// <summary>
    /// Writes a new file atomically: a temp file in the same directory (created 0600 for private
    /// files so the secret is never readable by others, even briefly), fsync, then a no-overwrite
    /// move. A crash leaves either no file or the whole file, never a truncated key.
    /// </summary>
    /// <exception cref="IOException">The file already exists.</exception>
    public static void WriteNew(string path, ReadOnlySpan<byte> content, bool isPrivate)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var mode = isPrivate ? PrivateMode : PublicMode;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateMode;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // Set explicitly: the create mode is filtered by the process umask.
                File.SetUnixFileMode(temp, mode);
            }

            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
