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
    private DevKeyMaterial(string directory, LoadedKeys keys)
    {
        Directory = directory;
        CaCertificate = keys.Ca;
        ServerCertificate = keys.Server;
        TokenSigningKey = keys.TokenSigning;
        AttestationKey = keys.Attestation;
        TicketSecret = keys.TicketSecret;
        PlatformHmacKey = keys.PlatformHmacKey;
        CheckpointSeed = keys.CheckpointSeed;
        InstitutionIds = keys.InstitutionIds;
    }

    /// <summary>The directory, as a full path.</summary>
    public string Directory { get; }

    /// <summary>The development CA certificate (public part only).</summary>
    public X509Certificate2 CaCertificate { get; }

    /// <summary>The server certificate (CN and SAN localhost, 127.0.0.1, ::1) with its private key, for Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>The ES256 key the dev token minter signs with and the gateway validates with.</summary>
    public EcSigningKey TokenSigningKey { get; }

    /// <summary>The ES256 key for attestations and receipts.</summary>
    public EcSigningKey AttestationKey { get; }

    /// <summary>The node ticket master secret (32 bytes).</summary>
    public byte[] TicketSecret { get; }

    /// <summary>The platform HMAC key for personal values (32 bytes).</summary>
    public byte[] PlatformHmacKey { get; }

    /// <summary>The Ed25519 seed (32 bytes) of the audit log's checkpoint signing key.</summary>
    public byte[] CheckpointSeed { get; }

    /// <summary>Institutions that have a client certificate in the directory, sorted.</summary>
    public IReadOnlyList<string> InstitutionIds { get; }

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
        var fullPath = Path.GetFullPath(directory);
        var missing = DevKeyFiles.Required.Where(name => !File.Exists(Path.Combine(fullPath, name))).ToArray();
        if (missing.Length > 0)
        {
            throw new FileNotFoundException(
                $"Development key material in '{fullPath}' is incomplete; missing: {string.Join(", ", missing)}. " +
                $"Create it with `dg certs dev --out {fullPath}`.");
        }

        var opened = new List<IDisposable>();
        IDisposable Keep(IDisposable key)
        {
            opened.Add(key);
            return key;
        }

        try
        {
            return new DevKeyMaterial(fullPath, LoadFiles(fullPath, Keep));
        }
        catch (Exception e)
        {
            // A half-loaded set must not leave private keys in memory.
            opened.ForEach(key => key.Dispose());
            if (e is CryptographicException or FormatException or ArgumentException)
            {
                throw new InvalidDataException($"Development key material in '{fullPath}' is unreadable: {e.Message}", e);
            }

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
        CaCertificate.Dispose();
        ServerCertificate.Dispose();
        TokenSigningKey.Dispose();
        AttestationKey.Dispose();
        CryptographicOperations.ZeroMemory(TicketSecret);
        CryptographicOperations.ZeroMemory(PlatformHmacKey);
        CryptographicOperations.ZeroMemory(CheckpointSeed);
    }

    private static LoadedKeys LoadFiles(string directory, Func<IDisposable, IDisposable> keep)
    {
        string PathIn(string name) => Path.Combine(directory, name);
        var ca = (X509Certificate2)keep(X509Certificate2.CreateFromPem(File.ReadAllText(PathIn(DevKeyFiles.CaCertificate))));
        var server = (X509Certificate2)keep(DevKeyMaterialWriter.UsableForTls(X509Certificate2.CreateFromPemFile(PathIn(DevKeyFiles.ServerCertificate), PathIn(DevKeyFiles.ServerKey))));
        var tokenSigning = (EcSigningKey)keep(EcSigningKey.FromPem(File.ReadAllText(PathIn(DevKeyFiles.TokenSigningKey))));
        var attestation = (EcSigningKey)keep(EcSigningKey.FromPem(File.ReadAllText(PathIn(DevKeyFiles.AttestationKey))));
        using (var published = EcVerificationKey.FromPublicPem(File.ReadAllText(PathIn(DevKeyFiles.TokenSigningPublicKey))))
        {
            if (published.KeyId != tokenSigning.KeyId)
            {
                throw new CryptographicException($"{DevKeyFiles.TokenSigningPublicKey} is not the public half of {DevKeyFiles.TokenSigningKey}.");
            }
        }

        var institutions = System.IO.Directory.EnumerateFiles(directory, DevKeyFiles.ClientPrefix + "*" + DevKeyFiles.CertificateSuffix)
            .Select(path => Path.GetFileName(path)[DevKeyFiles.ClientPrefix.Length..^DevKeyFiles.CertificateSuffix.Length])
            .Where(DevKeyMaterialWriter.IsValidInstitutionId)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new LoadedKeys(
            ca, server, tokenSigning, attestation,
            DevKeyMaterialWriter.ReadSecret(PathIn(DevKeyFiles.TicketSecret)),
            DevKeyMaterialWriter.ReadSecret(PathIn(DevKeyFiles.PlatformHmacKey)),
            DevKeyMaterialWriter.ReadSecret(PathIn(DevKeyFiles.CheckpointKey)),
            institutions);
    }

    private string PathOf(string fileName) => Path.Combine(Directory, fileName);

    private sealed record LoadedKeys(
        X509Certificate2 Ca,
        X509Certificate2 Server,
        EcSigningKey TokenSigning,
        EcSigningKey Attestation,
        byte[] TicketSecret,
        byte[] PlatformHmacKey,
        byte[] CheckpointSeed,
        IReadOnlyList<string> InstitutionIds);
}
