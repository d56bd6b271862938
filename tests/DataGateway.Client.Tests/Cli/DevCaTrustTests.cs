using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cli.Connection;

namespace DataGateway.Client.Tests.Cli;

public sealed class DevCaTrustTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public void Validate_Accepts_WhenTheServerCertificateChainsToTheCa()
    {
        using var ca = CreateCa("CN=dev ca");
        using var server = Issue(ca, "CN=localhost");

        Assert.True(new DevCaTrust(Public(ca)).Validate(server, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_Refuses_WhenTheServerCertificateIsSelfSigned()
    {
        using var ca = CreateCa("CN=dev ca");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var selfSigned = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));

        Assert.False(new DevCaTrust(Public(ca)).Validate(selfSigned, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_Refuses_WhenAnotherCaIssuedTheCertificate()
    {
        using var trusted = CreateCa("CN=dev ca");
        using var impostor = CreateCa("CN=dev ca");
        using var server = Issue(impostor, "CN=localhost");

        Assert.False(new DevCaTrust(Public(trusted)).Validate(server, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_Refuses_WhenTheHostNameDoesNotMatch()
    {
        using var ca = CreateCa("CN=dev ca");
        using var server = Issue(ca, "CN=localhost");

        Assert.False(new DevCaTrust(Public(ca)).Validate(server, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(new DevCaTrust(Public(ca)).Validate(null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var issued = request.Create(ca, Now.AddHours(-1), Now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Public(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
