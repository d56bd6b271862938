using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DataGateway.Cryptography.Keys;

/// <summary>Creates the missing files of a development key material directory.</summary>
internal static class DevKeyMaterialWriter
{
    public const int SecretSizeInBytes = 32;

    public static void Write(string directory, IReadOnlyList<string> institutionIds, DateTimeOffset now, Action<string> report)
    {
        foreach (var id in institutionIds)
        {
            RequireInstitutionId(id);
        }

        Directory.CreateDirectory(directory);
        string At(string name) => Path.Combine(directory, name);

        using var caKey = EnsureEcKey(At(DevKeyFiles.CaKey), At(DevKeyFiles.CaCertificate), report);
        EnsureCertificate(At(DevKeyFiles.CaCertificate), () => DevCertificateAuthority.CreateCa(caKey, now), report);
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(At(DevKeyFiles.CaCertificate)));

        using (var serverKey = EnsureEcKey(At(DevKeyFiles.ServerKey), At(DevKeyFiles.ServerCertificate), report))
        {
            EnsureCertificate(At(DevKeyFiles.ServerCertificate), () => DevCertificateAuthority.IssueServer(ca, caKey, serverKey, now), report);
        }

        foreach (var id in institutionIds.Distinct(StringComparer.Ordinal))
        {
            using var clientKey = EnsureEcKey(At(DevKeyFiles.ClientKey(id)), At(DevKeyFiles.ClientCertificate(id)), report);
            EnsureCertificate(At(DevKeyFiles.ClientCertificate(id)), () => DevCertificateAuthority.IssueClient(ca, caKey, clientKey, id, now), report);
        }

        using (var tokenKey = EnsureEcKey(At(DevKeyFiles.TokenSigningKey), At(DevKeyFiles.TokenSigningPublicKey), report))
        {
            if (!File.Exists(At(DevKeyFiles.TokenSigningPublicKey)))
            {
                Create(At(DevKeyFiles.TokenSigningPublicKey), Encoding.ASCII.GetBytes(tokenKey.ExportSubjectPublicKeyInfoPem()), isPrivate: false, report);
            }
        }

        using (EnsureEcKey(At(DevKeyFiles.AttestationKey), dependentPath: null, report))
        {
        }

        EnsureSecret(At(DevKeyFiles.TicketSecret), report);
        EnsureSecret(At(DevKeyFiles.PlatformHmacKey), report);
        EnsureSecret(At(DevKeyFiles.CheckpointKey), report);
    }

    public static string RequireInstitutionId(string institutionId) =>
        IsValidInstitutionId(institutionId)
            ? institutionId
            : throw new ArgumentException($"'{institutionId}' is not a usable institution id (1-64 of letters, digits, '.', '_', '-'; not starting with '.' or '-').", nameof(institutionId));

    // The id becomes part of a file name and a certificate subject: a tight alphabet keeps
    // "../" and DN metacharacters out of both.
    public static bool IsValidInstitutionId(string? id) =>
        id is { Length: > 0 and <= 64 } && id[0] is not ('.' or '-') &&
        id.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-');

    public static byte[] ReadSecret(string path)
    {
        var secret = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return secret.Length >= SecretSizeInBytes
            ? secret
            : throw new CryptographicException($"{Path.GetFileName(path)} holds {secret.Length} bytes; at least {SecretSizeInBytes} are required.");
    }

    /// <summary>
    /// A certificate from PEM has an ephemeral key. SslStream on Linux accepts that; Windows
    /// SChannel does not, so there it goes through PKCS#12 once.
    /// </summary>
    public static X509Certificate2 UsableForTls(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }

    /// <summary>Loads the key, or creates it when absent; refuses to pair a new key with an existing dependent file.</summary>
    private static ECDsa EnsureEcKey(string keyPath, string? dependentPath, Action<string> report)
    {
        if (File.Exists(keyPath))
        {
            var existing = ECDsa.Create();
            try
            {
                existing.ImportFromPem(File.ReadAllText(keyPath));
            }
            catch
            {
                existing.Dispose();
                throw;
            }

            return existing;
        }

        if (dependentPath is not null && File.Exists(dependentPath))
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(dependentPath)} exists without its private key {Path.GetFileName(keyPath)}; delete it to create a new pair.");
        }

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Create(keyPath, Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()), isPrivate: true, report);
        return key;
    }

    private static void EnsureCertificate(string path, Func<X509Certificate2> create, Action<string> report)
    {
        if (File.Exists(path))
        {
            return;
        }

        using var certificate = create();
        Create(path, Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()), isPrivate: false, report);
    }

    private static void EnsureSecret(string path, Action<string> report)
    {
        if (!File.Exists(path))
        {
            Create(path, Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretSizeInBytes)) + "\n"), isPrivate: true, report);
        }
    }

    private static void Create(string path, byte[] content, bool isPrivate, Action<string> report)
    {
        DevKeyFiles.WriteNew(path, content, isPrivate);
        report(Path.GetFileName(path));
    }
}
