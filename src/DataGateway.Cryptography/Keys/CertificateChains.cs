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

    // A CRL server that hangs must not hold requests for long; a fetch that times out refuses the certificate.
    private static readonly TimeSpan RevocationFetchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True only when <paramref name="leaf"/> is an end-entity certificate that names
    /// <paramref name="extendedKeyUsageOid"/> explicitly, is valid at <paramref name="at"/>, and chains to
    /// exactly <paramref name="ca"/>; with <paramref name="revocation"/> Online, also that the CA's CRL could be
    /// fetched and does not list it (a CRL that cannot be fetched refuses the certificate).
    /// </summary>
    /// <remarks>
    /// The usage must be listed, not implied: X509Chain treats a certificate without the extension as
    /// good for every use, and the CA's own certificate would then pass as a client certificate.
    /// </remarks>
    public static bool IssuedBy(
        X509Certificate2 leaf, X509Certificate2 ca, string extendedKeyUsageOid, DateTimeOffset at, X509RevocationMode revocation = X509RevocationMode.NoCheck)
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
        chain.ChainPolicy.RevocationMode = revocation;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        chain.ChainPolicy.UrlRetrievalTimeout = RevocationFetchTimeout;
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

    /// <summary>Base64url SHA-256 of the certificate's DER: the RFC 8705 <c>x5t#S256</c> confirmation of a bound token.</summary>
    public static string Sha256Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(certificate.RawDataMemory.Span));
    }

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(c => c.CertificateAuthority);

    private static bool NamesUsage(X509Certificate2 certificate, string oid) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value == oid));
}
