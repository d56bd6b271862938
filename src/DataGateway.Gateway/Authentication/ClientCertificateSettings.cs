using System.Security.Cryptography.X509Certificates;

namespace DataGateway.Gateway.Authentication;

/// <summary>
/// Mutual TLS for institutions (API.md "Authentication": an institution's client certificate must
/// match its <c>inst</c>). Owners, auditors and admins are never asked for one.
/// </summary>
/// <param name="TrustedCa">The only CA whose client certificates are accepted; the system store is never consulted.</param>
/// <param name="Required">
/// True: an institution token is refused on a connection without a client certificate. False: the
/// certificate is optional, but one that is presented must be valid and name the token's institution.
/// </param>
/// <param name="Revocation">
/// <see cref="X509RevocationMode.Online"/> fetches the CA's CRL (distribution point in the certificate) and refuses
/// a certificate whose status cannot be learned; the development CA publishes no CRL, so it runs with NoCheck.
/// </param>
public sealed record ClientCertificateSettings(X509Certificate2 TrustedCa, bool Required, X509RevocationMode Revocation = X509RevocationMode.NoCheck);
