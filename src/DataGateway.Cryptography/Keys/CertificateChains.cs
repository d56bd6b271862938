using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataGateway.Cryptography.Keys;

/// <summary>
/// Decides whether a TLS peer's certificate was issued by one given CA for one given use, trusting
/// that CA alone (never the system store). Both directions use it: <c>dg</c> checks the gateway's
/// server certificate against <c>--ca</c>, the gateway checks institutions' client certificates.
/// </summary>
public static class CertificateChains
{
    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12).</summary>
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>id-kp-clientAuth (RFC 5280 §4.2.1.12).</summary>
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>
    /// True only when <paramref name="leaf"/> is an end-entity certificate that names
    /// <paramref name="extendedKeyUsageOid"/> explicitly, is valid at <paramref name="at"/>, and chains to
    /// exactly <paramref name="ca"/>.
    /// </summary>
    /// <remarks>
    /// The usage must be listed, not implied: X509Chain treats a certificate without the extension as
    /// good for every use, and the CA's own certificate would then pass as a client certificate.
    /// </remarks>
    public static bool IssuedBy(X509Certificate2 leaf, X509Certificate2 ca, string extendedKeyUsageOid, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(ca);
        if (IsCertificateAuthority(leaf) || !NamesUsage(leaf, extendedKeyUsageOid))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(extendedKeyUsageOid));
        try
        {
            return chain.Build(leaf) &&
                chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(ca.RawDataMemory.Span);
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(c => c.CertificateAuthority);

    private static bool NamesUsage(X509Certificate2 certificate, string oid) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value == oid));
}
