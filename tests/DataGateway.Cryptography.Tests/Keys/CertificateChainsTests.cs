using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cryptography.Keys;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Cryptography.Tests.Keys;

/// <summary>The one chain check behind both TLS directions: issued by exactly this CA, for exactly this use, at this time.</summary>
public sealed class CertificateChainsTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-chains-" + Guid.NewGuid().ToString("N"));
    private readonly DevKeyMaterial _material;

    public CertificateChainsTests() => _material = DevKeyMaterial.EnsureCreated(_directory, ["bank-a"], new FakeTimeProvider(Created));

    public void Dispose()
    {
        _material.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void ClientCertificate_IsIssuedForClientAuth_AndServerCertificate_ForServerAuth_NeverTheOtherWay()
    {
        using var client = _material.LoadClientCertificate("bank-a");
        var at = Created.AddDays(1);

        Assert.True(CertificateChains.IssuedBy(client, _material.CaCertificate, CertificateChains.ClientAuthOid, at));
        Assert.False(CertificateChains.IssuedBy(client, _material.CaCertificate, CertificateChains.ServerAuthOid, at));
        Assert.True(CertificateChains.IssuedBy(_material.ServerCertificate, _material.CaCertificate, CertificateChains.ServerAuthOid, at));
        Assert.False(CertificateChains.IssuedBy(_material.ServerCertificate, _material.CaCertificate, CertificateChains.ClientAuthOid, at));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(400)]
    public void ClientCertificate_OutsideItsValidity_IsRefused(int daysAfterCreation)
    {
        using var client = _material.LoadClientCertificate("bank-a");

        Assert.False(CertificateChains.IssuedBy(client, _material.CaCertificate, CertificateChains.ClientAuthOid, Created.AddDays(daysAfterCreation)));
    }

    [Fact]
    public void CertificateOfAnotherCa_IsRefused_ThoughItNamesTheSameInstitution()
    {
        var otherDirectory = _directory + "-other";
        try
        {
            using var other = DevKeyMaterial.EnsureCreated(otherDirectory, ["bank-a"], new FakeTimeProvider(Created));
            using var foreign = other.LoadClientCertificate("bank-a");

            Assert.False(CertificateChains.IssuedBy(foreign, _material.CaCertificate, CertificateChains.ClientAuthOid, Created.AddDays(1)));
        }
        finally
        {
            Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [Fact]
    public void TheCaItself_AndALeafThatNamesNoUsage_AreRefused_ThoughX509ChainWouldAcceptThem()
    {
        using var caWithKey = X509Certificate2.CreateFromPemFile(Path.Combine(_directory, "ca.crt.pem"), Path.Combine(_directory, "ca.key.pem"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bank-a", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var noUsage = request.Create(caWithKey, Created, Created.AddDays(30), [0x01, 0x02, 0x03]);
        var at = Created.AddDays(1);

        Assert.False(CertificateChains.IssuedBy(_material.CaCertificate, _material.CaCertificate, CertificateChains.ClientAuthOid, at));
        Assert.False(CertificateChains.IssuedBy(noUsage, _material.CaCertificate, CertificateChains.ClientAuthOid, at));
    }

    [Fact]
    public void OnlineRevocation_RefusesACertificateWhoseStatusCannotBeLearned_NoCheckAcceptsIt()
    {
        // The dev CA names no CRL distribution point, so an online check can never confirm its certificates.
        using var client = _material.LoadClientCertificate("bank-a");
        var at = Created.AddDays(1);

        Assert.True(CertificateChains.IssuedBy(client, _material.CaCertificate, CertificateChains.ClientAuthOid, at, X509RevocationMode.NoCheck));
        Assert.False(CertificateChains.IssuedBy(client, _material.CaCertificate, CertificateChains.ClientAuthOid, at, X509RevocationMode.Online));
    }

    [Fact]
    public void Sha256Thumbprint_IsTheBase64UrlSha256OfTheDer_AsRfc8705Defines()
    {
        using var client = _material.LoadClientCertificate("bank-a");

        var thumbprint = CertificateChains.Sha256Thumbprint(client);

        // Derived independently: base64 of the SHA-256 of the DER, then the base64url alphabet without padding (RFC 7515 §2).
        var expected = Convert.ToBase64String(SHA256.HashData(client.RawData)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, thumbprint);
    }
}
