using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Core.Problems;
using DataGateway.Cryptography.Keys;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Verification;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Authentication;

/// <summary>
/// Binds bearer tokens to TLS client certificates (RELIABILITY.md G2): a token whose <c>cnf</c> names a
/// certificate (RFC 8705 <c>x5t#S256</c>) is good only on a connection holding that certificate, and an
/// institution's token only beside a certificate naming its <c>inst</c> (API.md "Authentication"). A token
/// stolen from bank A is useless on a connection that holds bank B's certificate, or (when required) none.
/// </summary>
/// <remarks>
/// Kestrel accepts any client certificate during the handshake and this step decides per request, so a
/// refusal is a problem+json with a stable code and an audit entry, not an opaque TLS alert: a certificate
/// that is not valid is 403, a token that does not fit the connection is 401 (<c>invalid_token</c>).
/// </remarks>
internal sealed class ClientCertificateBinding(ClientCertificateSettings? settings, TimeProvider time, ILogger<ClientCertificateBinding> logger)
{
    /// <summary>The audit kind of a request refused here, before any route saw it.</summary>
    public const string AuditKind = "authentication";

    // A certificate cannot change within a TLS connection, so its chain verdict is reused on the
    // connection's next requests; briefly, so that expiry and revocation still take effect.
    private static readonly TimeSpan VerdictLifetime = TimeSpan.FromSeconds(60);
    private static readonly object VerdictKey = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var certificate = settings is null ? null : await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (Refusal(context.User, certificate, () => IsTrusted(context, certificate!)) is not { } refusal)
        {
            await next(context);
            return;
        }

        GatewayLog.ClientCertificateRefused(logger, context.User.FindFirstValue(Roles.SubjectClaim) ?? "none", refusal.Code, certificate?.Thumbprint ?? "none");
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            }

            return Task.CompletedTask;
        });
        await AuditedRefusal.WriteAsync(context, AuditKind, new AdmissionException(refusal), started);
    }

    /// <summary>
    /// The refusal for <paramref name="user"/> on a connection holding <paramref name="certificate"/>; null to let
    /// it through. <paramref name="isTrusted"/> checks the certificate's chain, asked only when it matters.
    /// </summary>
    public ProblemCode? Refusal(ClaimsPrincipal user, X509Certificate2? certificate, Func<bool> isTrusted)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var confirmation = CertificateConfirmation.Of(user);
        var institution = user.IsInRole(Roles.Institution) ? user.FindFirstValue(Roles.InstitutionClaim) : null;
        if (certificate is null)
        {
            return confirmation is not null || (institution is not null && settings?.Required == true)
                ? ProblemCodes.ClientCertificateRequired
                : null;
        }

        if (confirmation is null && institution is null)
        {
            return null; // an owner or auditor may hold a certificate; nothing binds them to it
        }

        if (!isTrusted())
        {
            return ProblemCodes.ClientCertificateInvalid;
        }

        var confirmed = confirmation is null || confirmation.Matches(certificate);
        var named = institution is null ||
            string.Equals(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), institution, StringComparison.Ordinal);
        return confirmed && named ? null : ProblemCodes.ClientCertificateMismatch;
    }

    private bool IsTrusted(HttpContext context, X509Certificate2 certificate)
    {
        var now = time.GetUtcNow();
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items?.TryGetValue(VerdictKey, out var cached) == true && cached is (bool trusted, DateTimeOffset checkedAt) && now - checkedAt < VerdictLifetime)
        {
            return trusted;
        }

        var verdict = CertificateChains.IssuedBy(certificate, settings!.TrustedCa, CertificateChains.ClientAuthOid, now, settings.Revocation);
        if (items is not null)
        {
            items[VerdictKey] = (verdict, now);
        }

        return verdict;
    }
}
