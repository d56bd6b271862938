using System.Security.Claims;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Consent;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Gateway.Consent;

/// <summary>
/// The owner's consent operations. An owner acts only for the USCC in its token; an institution
/// may read grants made to it. A grant the caller may not see is "not found", never "forbidden",
/// so that its existence is not confirmed.
/// </summary>
/// <remarks>
/// Ordering fails closed both ways: a grant is audited before it is stored, so no unaudited grant
/// can ever allow a query; a revocation is stored before it is audited, so a failing audit log can
/// delay the record of a revocation (the registry row keeps who, when and why) but never undo it.
/// Revoking again keeps the first revocation and is audited again, so the owner's retry after a
/// 503 audit_unavailable completes the record.
/// </remarks>
internal sealed class ConsentService(
    IConsentRegistry registry, ConsentReceipts receipts, AuditRecorder audit, PolicyStore policies, TimeProvider time)
{
    public const string GrantKind = "consent.grant";
    public const string RevokeKind = "consent.revoke";
    public const int MaxReasonLength = 200;

    public async Task<ConsentView> GrantAsync(HttpContext context, ConsentRequest request)
    {
        var owner = OwnerUscc(context.User) ?? throw new AdmissionException(ProblemCodes.RoleNotAllowed);
        var policy = policies.Current;
        var actor = context.User.FindFirstValue(Roles.SubjectClaim) ?? owner;
        var grant = ConsentValidator.Validate(request, owner, actor, policy, time.GetUtcNow());

        await RecordAsync(context, GrantKind, grant, policy.Version);
        await StoreAsync(async () =>
        {
            await registry.AddAsync(grant, CancellationToken.None);
            return grant;
        });
        return receipts.WithReceipt(grant);
    }

    public async Task<ConsentView> RevokeAsync(HttpContext context, string id, string? reason)
    {
        var owner = OwnerUscc(context.User) ?? throw new AdmissionException(ProblemCodes.RoleNotAllowed);
        if (reason is { Length: > MaxReasonLength })
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, $"reason is at most {MaxReasonLength} characters.");
        }

        var existing = await FindVisibleAsync(context.User, id);
        var actor = context.User.FindFirstValue(Roles.SubjectClaim) ?? owner;
        var revoked = await StoreAsync(() => registry.RevokeAsync(existing.Id, time.GetUtcNow(), actor, reason, CancellationToken.None));
        if (revoked is null)
        {
            throw new AdmissionException(ProblemCodes.ConsentNotFound);
        }

        await RecordAsync(context, RevokeKind, revoked, policies.Current.Version);
        return receipts.WithReceipt(revoked);
    }

    public async Task<ConsentView> GetAsync(ClaimsPrincipal user, string id) => receipts.View(await FindVisibleAsync(user, id));

    public async Task<ConsentList> ListAsync(ClaimsPrincipal user, string? status)
    {
        var grants = OwnerUscc(user) is { } owner
            ? await StoreAsync(() => registry.ListBySubjectAsync(owner, CancellationToken.None))
            : InstitutionId(user) is { } institution
                ? await StoreAsync(() => registry.ListByInstitutionAsync(institution, CancellationToken.None))
                : throw new AdmissionException(ProblemCodes.RoleNotAllowed);

        var views = grants.Select(receipts.View);
        if (status is not null)
        {
            if (status is not ("pending" or "active" or "revoked" or "expired"))
            {
                throw new AdmissionException(ProblemCodes.InvalidRequest, "status is one of pending, active, revoked, expired.");
            }

            views = views.Where(v => v.Status == status);
        }

        return new ConsentList { Items = views.ToArray() };
    }

    internal static string? OwnerUscc(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Owner) ? user.FindFirstValue(Roles.UsccClaim) : null;

    private static string? InstitutionId(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Institution) ? user.FindFirstValue(Roles.InstitutionClaim) : null;

    private async Task<ConsentGrant> FindVisibleAsync(ClaimsPrincipal user, string id)
    {
        ConsentGrant? grant = null;
        if (OwnerUscc(user) is null && InstitutionId(user) is null)
        {
            throw new AdmissionException(ProblemCodes.RoleNotAllowed);
        }

        if (id.StartsWith("cns_", StringComparison.Ordinal) && id.Length <= 64)
        {
            grant = await StoreAsync(() => registry.FindAsync(id, CancellationToken.None));
        }

        var visible = grant is not null &&
            ((OwnerUscc(user) is { } owner && grant.Subject == owner) ||
             (InstitutionId(user) is { } institution && grant.Institution == institution));
        return visible ? grant! : throw new AdmissionException(ProblemCodes.ConsentNotFound);
    }

    private async Task RecordAsync(HttpContext context, string kind, ConsentGrant grant, string policyVersion)
    {
        var draft = AuditDraft.Start(context, kind, policyVersion);
        draft.Institution = grant.Institution; // for a consent event, the grantee: the owner's access log names who may ask
        draft.Subject = grant.Subject;
        draft.Purpose = string.Join(',', grant.Purposes);
        draft.ConsentId = grant.Id;
        await audit.RecordAsync(draft.Complete("allowed", "ok", null, 0));
    }

    private static async Task<T> StoreAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (ConsentStoreUnavailableException)
        {
            throw new AdmissionException(ProblemCodes.StoreUnavailable);
        }
    }
}
