using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.Signing;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Cryptography.Tests.Keys;

public sealed class DevKeyMaterialTests : IDisposable
{
    private static readonly string[] Institutions = ["bank-a", "bank-b"];
    private static readonly string[] PrivateFiles =
        ["ca.key.pem", "server.key.pem", "client-bank-a.key.pem", "client-bank-b.key.pem", "token-signing.key.pem", "attestation.key.pem", "ticket.secret", "platform-hmac.key", "checkpoint.key"];
    private static readonly string[] PublicFiles =
        ["ca.crt.pem", "server.crt.pem", "client-bank-a.crt.pem", "client-bank-b.crt.pem", "token-signing.pub.pem"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-devkeys-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EnsureCreated_CreatesEveryFile_WithPrivateFilesOwnerOnly()
    {
        var reported = new List<string>();

        using var material = DevKeyMaterial.EnsureCreated(_directory, Institutions, _time, reported.Add);

        Assert.Equal(PrivateFiles.Concat(PublicFiles).Order(), reported.Order());
        Assert.Equal(PrivateFiles.Concat(PublicFiles).Order(), Directory.EnumerateFiles(_directory).Select(Path.GetFileName).Order());
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in PrivateFiles)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, file)));
            }
        }

        Assert.Equal(32, material.TicketSecret.Length);
        Assert.Equal(32, material.PlatformHmacKey.Length);
        Assert.NotEqual(material.TicketSecret, material.PlatformHmacKey);
        Assert.NotEqual(material.TokenSigningKey.KeyId, material.AttestationKey.KeyId);
        Assert.Equal(Institutions, material.InstitutionIds);
    }

    [Fact]
    public void EnsureCreated_ChangesNothing_WhenCalledAgain()
    {
        DevKeyMaterial.EnsureCreated(_directory, Institutions, _time).Dispose();
        var before = Snapshot();
        var reported = new List<string>();
        _time.Advance(TimeSpan.FromDays(3));

        DevKeyMaterial.EnsureCreated(_directory, Institutions, _time, reported.Add).Dispose();

        Assert.Empty(reported);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void EnsureCreated_RecreatesOnlyMissingFiles_AndTheNewServerCertificateChainsToTheExistingCa()
    {
        DevKeyMaterial.EnsureCreated(_directory, Institutions, _time).Dispose();
        var before = Snapshot();
        File.Delete(Path.Combine(_directory, "server.crt.pem"));
        File.Delete(Path.Combine(_directory, "server.key.pem"));
        var reported = new List<string>();

        using var material = DevKeyMaterial.EnsureCreated(_directory, [.. Institutions, "bank-c"], _time, reported.Add);

        Assert.Equal(["client-bank-c.crt.pem", "client-bank-c.key.pem", "server.crt.pem", "server.key.pem"], reported.Order());
        var after = Snapshot();
        foreach (var (name, bytes) in before.Where(f => !f.Key.StartsWith("server.", StringComparison.Ordinal)))
        {
            Assert.Equal(bytes, after[name]);
        }

        Assert.True(BuildChain(material.ServerCertificate, material.CaCertificate));
    }

    [Fact]
    public void EnsureCreated_Throws_WhenACertificateExistsWithoutItsKey()
    {
        DevKeyMaterial.EnsureCreated(_directory, Institutions, _time).Dispose();
        File.Delete(Path.Combine(_directory, "server.key.pem"));

        var error = Assert.Throws<InvalidOperationException>(() => DevKeyMaterial.EnsureCreated(_directory, Institutions, _time));
        Assert.Contains("server.key.pem", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("CN=x,O=y")]
    public void EnsureCreated_Throws_ForAnInstitutionIdUnfitForAFileNameOrSubject(string id)
    {
        Assert.Throws<ArgumentException>(() => DevKeyMaterial.EnsureCreated(_directory, [id], _time));
        Assert.False(Directory.Exists(_directory) && Directory.EnumerateFiles(_directory).Any());
        Directory.CreateDirectory(_directory);
    }

    [Fact]
    public void Load_ReturnsKeysThatVerifyAgainstTheOriginalPublicJwks()
    {
        string tokenKid, attestationKid;
        JsonWebKeySet published;
        using (var created = DevKeyMaterial.EnsureCreated(_directory, Institutions, _time))
        {
            (tokenKid, attestationKid) = (created.TokenSigningKey.KeyId, created.AttestationKey.KeyId);
            published = new JsonWebKeySet([created.TokenSigningKey.PublicJwk, created.AttestationKey.PublicJwk]);
        }

        using var loaded = DevKeyMaterial.Load(_directory);

        Assert.Equal((tokenKid, attestationKid), (loaded.TokenSigningKey.KeyId, loaded.AttestationKey.KeyId));
        var jws = CompactJws.Sign("receipt"u8, loaded.AttestationKey, "dg-test");
        Assert.Equal(JwsStatus.Valid, CompactJws.Verify(jws, published, out _, out _));
        using var pub = EcVerificationKey.FromPublicPem(File.ReadAllText(loaded.TokenSigningPublicKeyPath));
        Assert.Equal(tokenKid, pub.KeyId);
    }

    [Fact]
    public void Load_ThrowsListingEveryMissingFile()
    {
        DevKeyMaterial.EnsureCreated(_directory, Institutions, _time).Dispose();
        File.Delete(Path.Combine(_directory, "ticket.secret"));
        File.Delete(Path.Combine(_directory, "ca.crt.pem"));

        var error = Assert.Throws<FileNotFoundException>(() => DevKeyMaterial.Load(_directory));

        Assert.Contains("ticket.secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("ca.crt.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Throws_WhenThePublishedTokenKeyIsNotThePrivateKeysHalf()
    {
        DevKeyMaterial.EnsureCreated(_directory, Institutions, _time).Dispose();
        using var other = EcSigningKey.Generate();
        File.WriteAllText(Path.Combine(_directory, "token-signing.pub.pem"), other.ExportPublicKeyPem());

        Assert.Throws<InvalidDataException>(() => DevKeyMaterial.Load(_directory));
    }

    [Fact]
    public void ServerCertificate_ChainsToTheCa_WithLocalhostNamesAndServerAuth()
    {
        using var material = DevKeyMaterial.EnsureCreated(_directory, Institutions, _time);
        var server = material.ServerCertificate;

        Assert.True(server.HasPrivateKey);
        Assert.True(BuildChain(server, material.CaCertificate));
        var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], UsageOids(server));
        Assert.Equal(_time.GetUtcNow().AddYears(1).UtcDateTime, server.NotAfter.ToUniversalTime());
        var caConstraints = material.CaCertificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(caConstraints.CertificateAuthority);
        Assert.Equal(_time.GetUtcNow().AddYears(5).UtcDateTime, material.CaCertificate.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void ServerCertificate_DoesNotChain_ToAnotherDevelopmentCa()
    {
        using var material = DevKeyMaterial.EnsureCreated(_directory, Institutions, _time);
        var otherDirectory = _directory + "-other";
        try
        {
            using var other = DevKeyMaterial.EnsureCreated(otherDirectory, [], _time);
            Assert.False(BuildChain(material.ServerCertificate, other.CaCertificate));
        }
        finally
        {
            Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [Fact]
    public void ClientCertificate_HasClientAuthOnly_AndTheInstitutionAsCommonName()
    {
        using var material = DevKeyMaterial.EnsureCreated(_directory, Institutions, _time);

        using var client = material.LoadClientCertificate("bank-b");

        Assert.True(client.HasPrivateKey);
        Assert.Equal("bank-b", client.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], UsageOids(client));
        Assert.True(BuildChain(client, material.CaCertificate));
    }

    [Fact]
    public async Task ServerCertificate_CompletesATlsHandshake_ValidatedAgainstTheCa()
    {
        // SslStream checks validity against the real clock, so this certificate is issued now.
        using var material = DevKeyMaterial.EnsureCreated(_directory, Institutions, TimeProvider.System);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var ct = TestContext.Current.CancellationToken;

        var serverSide = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptTcpClientAsync(ct);
            await using var tls = new SslStream(accepted.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = material.ServerCertificate }, ct);
        }, ct);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, ct);
        await using var clientTls = new SslStream(client.GetStream());
        await clientTls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { material.CaCertificate },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        }, ct);
        await serverSide;

        Assert.True(clientTls.IsAuthenticated);
    }

    private static bool BuildChain(X509Certificate2 leaf, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = leaf.NotBefore.AddDays(1);
        return chain.Build(leaf);
    }

    private static string[] UsageOids(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!).ToArray();

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(_directory).ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes);
}
