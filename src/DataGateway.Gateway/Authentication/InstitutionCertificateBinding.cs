using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Core.Problems;
using DataGateway.Cryptography.Keys;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Authentication;

/// <summary>
/// Binds an institution's bearer token to its TLS client certificate: a token stolen from bank A is
/// useless on a connection that holds bank B's certificate, or (when required) none at all.
/// </summary>
/// <remarks>
/// Kestrel accepts any client certificate during the handshake and this step decides per request, so a
/// refusal is a problem+json with a stable code and an audit entry, not an opaque TLS alert. The
/// certificate's common name carries the institution id, as <c>dg certs dev</c> issues it.
/// </remarks>
internal sealed class InstitutionCertificateBinding(
    ClientCertificateSettings settings, TimeProvider time, AuditRecorder audit, PolicyStore policies, ILogger<InstitutionCertificateBinding> logger)
{
    /// <summary>The audit kind of a request refused here, before any route saw it.</summary>
    public const string AuditKind = "authentication";

    /// <summary>The refusal for <paramref name="user"/> on a connection holding <paramref name="certificate"/>; null to let it through.</summary>
    public ProblemCode? Refusal(ClaimsPrincipal user, X509Certificate2? certificate)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Institution))
        {
            return null;
        }

        if (certificate is null)
        {
            return settings.Required ? ProblemCodes.ClientCertificateRequired : null;
        }

        if (!CertificateChains.IssuedBy(certificate, settings.TrustedCa, CertificateChains.ClientAuthOid, time.GetUtcNow()))
        {
            return ProblemCodes.ClientCertificateInvalid;
        }

        var institution = user.FindFirstValue(Roles.InstitutionClaim);
        return string.Equals(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), institution, StringComparison.Ordinal)
            ? null
            : ProblemCodes.ClientCertificateMismatch;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (Refusal(context.User, certificate) is not { } refusal)
        {
            await next(context);
            return;
        }

        GatewayLog.ClientCertificateRefused(logger, context.User.FindFirstValue(Roles.InstitutionClaim) ?? "none", refusal.Code, certificate?.Thumbprint ?? "none");
        var draft = AuditDraft.Start(context, AuditKind, policies.Current.Version);
        await AuditedRefusal.WriteAsync(context, audit, draft, new AdmissionException(refusal), started);
    }
}
