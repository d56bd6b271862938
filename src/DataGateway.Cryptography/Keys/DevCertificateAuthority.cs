using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataGateway.Cryptography.Keys;

/// <summary>Builds the development CA and the certificates it issues (RFC 5280 profiles).</summary>
internal static class DevCertificateAuthority
{
    // Issued certificates start a little in the past so a peer whose clock runs slightly
    // behind does not see them as not yet valid.
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    public static X509Certificate2 CreateCa(ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest("CN=DataGateway Development CA, O=DataGateway (development only)", key, HashAlgorithmName.SHA256);
        // pathLen 0: the dev CA signs leaves only, never another CA.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now - Backdate, now.AddYears(5));
    }

    public static X509Certificate2 IssueServer(X509Certificate2 ca, ECDsa caKey, ECDsa key, DateTimeOffset now)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        var request = LeafRequest("localhost", key, CertificateChains.ServerAuthOid);
        request.CertificateExtensions.Add(names.Build());
        return Issue(request, ca, caKey, now);
    }

    public static X509Certificate2 IssueClient(X509Certificate2 ca, ECDsa caKey, ECDsa key, string institutionId, DateTimeOffset now) =>
        Issue(LeafRequest(institutionId, key, CertificateChains.ClientAuthOid), ca, caKey, now);

    private static CertificateRequest LeafRequest(string commonName, ECDsa key, string extendedUsageOid)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsageOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509Certificate2 Issue(CertificateRequest request, X509Certificate2 ca, ECDsa caKey, DateTimeOffset now)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // RFC 5280 §4.1.2.2: positive serial of at most 20 octets, unpredictable (CA/B BR 7.1).
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        var notBefore = Max(now - Backdate, ca.NotBefore);
        var notAfter = Min(now.AddYears(1), ca.NotAfter);
        return request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, notAfter, serial);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTime b) => a >= new DateTimeOffset(b.ToUniversalTime()) ? a : new DateTimeOffset(b.ToUniversalTime());

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a <= new DateTimeOffset(b.ToUniversalTime()) ? a : new DateTimeOffset(b.ToUniversalTime());
}
