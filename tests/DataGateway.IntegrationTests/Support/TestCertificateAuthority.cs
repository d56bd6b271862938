using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cryptography.Keys;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// A CA made in the test with <see cref="CertificateRequest"/> (RELIABILITY.md G2): issues client
/// certificates of any validity and usage, and signs a CRL for its distribution point, if it has one.
/// </summary>
/// <remarks>Each CA has a unique name, so no CRL cached by the platform for an earlier CA ever applies to it.</remarks>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly ECDsa _key;
    private readonly Uri? _crlDistributionPoint;

    private TestCertificateAuthority(X509Certificate2 certificate, ECDsa key, Uri? crlDistributionPoint)
    {
        Certificate = certificate;
        _key = key;
        _crlDistributionPoint = crlDistributionPoint;
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <param name="crlDistributionPoint">Where issued certificates say the CRL is; null for none.</param>
    public static TestCertificateAuthority Create(Uri? crlDistributionPoint = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Test CA {Guid.NewGuid():N}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(request.CreateSelfSigned(now.AddDays(-2), now.AddDays(30)), key, crlDistributionPoint);
    }

    /// <summary>A client certificate (with its key) for <paramref name="commonName"/>, valid from now by default.</summary>
    public X509Certificate2 Issue(
        string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string extendedKeyUsage = CertificateChains.ClientAuthOid)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedKeyUsage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (_crlDistributionPoint is not null)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([_crlDistributionPoint.ToString()]));
        }

        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        using var issued = request.Create(Certificate, notBefore ?? now.AddMinutes(-5), notAfter ?? now.AddDays(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A certificate for <paramref name="commonName"/> that signs itself: trusted by nobody.</summary>
    public static X509Certificate2 SelfSigned(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateChains.ClientAuthOid)], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>A CRL signed by this CA that lists <paramref name="revoked"/>.</summary>
    public byte[] Crl(params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, DateTimeOffset.UtcNow.AddMinutes(-1), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(Certificate, crlNumber: 1, nextUpdate: DateTimeOffset.UtcNow.AddDays(1), HashAlgorithmName.SHA256);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
