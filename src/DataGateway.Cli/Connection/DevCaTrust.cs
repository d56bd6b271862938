using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cryptography.Keys;

namespace DataGateway.Cli.Connection;

/// <summary>
/// Server certificate validation that trusts one given CA (<c>--ca</c>) instead of the system
/// store: the chain must build to that CA and the name must match. Nothing else is accepted.
/// </summary>
internal sealed class DevCaTrust(X509Certificate2 ca)
{
    /// <summary>The callback for <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        Validate(certificate, errors);

    /// <summary>True only when the name matched and <paramref name="certificate"/> chains to the CA.</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        // The host name check is the platform's; a chain error is expected (the dev CA is not
        // in the system store) and is re-decided below against the CA alone.
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var owned = certificate is X509Certificate2 ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return CertificateChains.IssuedBy(certificate as X509Certificate2 ?? owned!, ca, CertificateChains.ServerAuthOid, TimeProvider.System.GetUtcNow());
    }
}
