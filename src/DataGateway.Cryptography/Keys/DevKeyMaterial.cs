using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cryptography.Keys;

/// <summary>
/// The development key material directory (<c>certs-dev/</c>, ARCHITECTURE.md "Configuration"):
/// a development CA, the server certificate, client certificates per institution, the token
/// signing key, the attestation key, the node ticket secret and the platform HMAC key.
/// Development only: hosts refuse it in Production.
/// </summary>
public sealed class DevKeyMaterial : IDisposable
{
    private DevKeyMaterial(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The directory, as a full path.</summary>
    public string Directory { get; }

    /// <summary>The development CA certificate (public part only).</summary>
    public X509Certificate2 CaCertificate { get; private set; } = null!;

    /// <summary>The server certificate (CN and SAN localhost, 127.0.0.1, ::1) with its private key, for Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; private set; } = null!;

    /// <summary>The ES256 key the dev token minter signs with and the gateway validates with.</summary>
    public EcSigningKey TokenSigningKey { get; private set; } = null!;

    /// <summary>The ES256 key for attestations and receipts.</summary>
    public EcSigningKey AttestationKey { get; private set; } = null!;

    /// <summary>The node ticket master secret (32 bytes).</summary>
    public byte[] TicketSecret { get; private set; } = [];

    /// <summary>The platform HMAC key for personal values (32 bytes).</summary>
    public byte[] PlatformHmacKey { get; private set; } = [];

    /// <summary>The Ed25519 seed (32 bytes) of the audit log's checkpoint signing key.</summary>
    public byte[] CheckpointSeed { get; private set; } = [];

    /// <summary>Institutions that have a client certificate in the directory, sorted.</summary>
    public IReadOnlyList<string> InstitutionIds { get; private set; } = [];

    /// <summary>Path of ca.crt.pem (what clients trust with <c>--ca</c>).</summary>
    public string CaCertificatePath => PathOf(DevKeyFiles.CaCertificate);

    /// <summary>Path of ca.key.pem.</summary>
    public string CaKeyPath => PathOf(DevKeyFiles.CaKey);

    /// <summary>Path of server.crt.pem.</summary>
    public string ServerCertificatePath => PathOf(DevKeyFiles.ServerCertificate);

    /// <summary>Path of server.key.pem.</summary>
    public string ServerKeyPath => PathOf(DevKeyFiles.ServerKey);

    /// <summary>Path of token-signing.key.pem.</summary>
    public string TokenSigningKeyPath => PathOf(DevKeyFiles.TokenSigningKey);

    /// <summary>Path of token-signing.pub.pem.</summary>
    public string TokenSigningPublicKeyPath => PathOf(DevKeyFiles.TokenSigningPublicKey);

    /// <summary>Path of attestation.key.pem.</summary>
    public string AttestationKeyPath => PathOf(DevKeyFiles.AttestationKey);

    /// <summary>Path of ticket.secret.</summary>
    public string TicketSecretPath => PathOf(DevKeyFiles.TicketSecret);

    /// <summary>Path of platform-hmac.key.</summary>
    public string PlatformHmacKeyPath => PathOf(DevKeyFiles.PlatformHmacKey);

    /// <summary>Path of the checkpoint signing key's seed.</summary>
    public string CheckpointKeyPath => PathOf(DevKeyFiles.CheckpointKey);

    /// <summary>
    /// Creates whatever is missing in <paramref name="directory"/> and loads the result.
    /// Idempotent; never overwrites an existing file.
    /// </summary>
    /// <param name="directory">The key material directory; created if absent.</param>
    /// <param name="institutionIds">Institutions that get a client certificate (letters, digits, '.', '_', '-').</param>
    /// <param name="time">Clock for certificate validity.</param>
    /// <param name="report">Told the name of each file created (for progress output).</param>
    /// <exception cref="InvalidOperationException">A certificate or public key exists without its private key.</exception>
    public static DevKeyMaterial EnsureCreated(string directory, IReadOnlyList<string> institutionIds, TimeProvider time, Action<string>? report = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(institutionIds);
        ArgumentNullException.ThrowIfNull(time);
        DevKeyMaterialWriter.Write(directory, institutionIds, time.GetUtcNow(), report ?? (_ => { }));
        return Load(directory);
    }

    /// <summary>Loads the directory's key material.</summary>
    /// <exception cref="FileNotFoundException">Files are missing; the message lists every one.</exception>
    /// <exception cref="InvalidDataException">A file is unreadable or a key pair does not match.</exception>
    public static DevKeyMaterial Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var material = new DevKeyMaterial(directory);
        var missing = DevKeyFiles.Required.Where(name => !File.Exists(material.PathOf(name))).ToArray();
        if (missing.Length > 0)
        {
            throw new FileNotFoundException(
                $"Development key material in '{material.Directory}' is incomplete; missing: {string.Join(", ", missing)}. " +
                $"Create it with `dg certs dev --out {material.Directory}`.");
        }

        try
        {
            material.LoadFiles();
            return material;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            material.Dispose();
            throw new InvalidDataException($"Development key material in '{material.Directory}' is unreadable: {e.Message}", e);
        }
        catch
        {
            material.Dispose();
            throw;
        }
    }

    /// <summary>Path of an institution's client certificate.</summary>
    public string ClientCertificatePath(string institutionId) =>
        PathOf(DevKeyFiles.ClientCertificate(DevKeyMaterialWriter.RequireInstitutionId(institutionId)));

    /// <summary>Path of an institution's client private key.</summary>
    public string ClientKeyPath(string institutionId) =>
        PathOf(DevKeyFiles.ClientKey(DevKeyMaterialWriter.RequireInstitutionId(institutionId)));

    /// <summary>Loads an institution's client certificate with its private key (for mTLS).</summary>
    public X509Certificate2 LoadClientCertificate(string institutionId) =>
        DevKeyMaterialWriter.UsableForTls(X509Certificate2.CreateFromPemFile(ClientCertificatePath(institutionId), ClientKeyPath(institutionId)));

    /// <inheritdoc />
    public void Dispose()
    {
        CaCertificate?.Dispose();
        ServerCertificate?.Dispose();
        TokenSigningKey?.Dispose();
        AttestationKey?.Dispose();
        CryptographicOperations.ZeroMemory(TicketSecret);
        CryptographicOperations.ZeroMemory(PlatformHmacKey);
        CryptographicOperations.ZeroMemory(CheckpointSeed);
    }

    private void LoadFiles()
    {
        CaCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(CaCertificatePath));
        ServerCertificate = DevKeyMaterialWriter.UsableForTls(X509Certificate2.CreateFromPemFile(ServerCertificatePath, ServerKeyPath));
        TokenSigningKey = EcSigningKey.FromPem(File.ReadAllText(TokenSigningKeyPath));
        AttestationKey = EcSigningKey.FromPem(File.ReadAllText(AttestationKeyPath));
        using (var published = EcVerificationKey.FromPublicPem(File.ReadAllText(TokenSigningPublicKeyPath)))
        {
            if (published.KeyId != TokenSigningKey.KeyId)
            {
                throw new CryptographicException($"{DevKeyFiles.TokenSigningPublicKey} is not the public half of {DevKeyFiles.TokenSigningKey}.");
            }
        }

        TicketSecret = DevKeyMaterialWriter.ReadSecret(TicketSecretPath);
        PlatformHmacKey = DevKeyMaterialWriter.ReadSecret(PlatformHmacKeyPath);
        CheckpointSeed = DevKeyMaterialWriter.ReadSecret(CheckpointKeyPath);
        InstitutionIds = System.IO.Directory.EnumerateFiles(Directory, DevKeyFiles.ClientPrefix + "*" + DevKeyFiles.CertificateSuffix)
            .Select(path => Path.GetFileName(path)[DevKeyFiles.ClientPrefix.Length..^DevKeyFiles.CertificateSuffix.Length])
            .Where(DevKeyMaterialWriter.IsValidInstitutionId)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
