using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

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
        var leaf = certificate as X509Certificate2 ?? owned!;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(ca);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")); // id-kp-serverAuth
        try
        {
            return custom.Build(leaf) &&
                custom.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(ca.RawDataMemory.Span);
        }
        finally
        {
            foreach (var element in custom.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
