using DataGateway.Core.Problems;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Consent;

namespace DataGateway.Gateway.Consent;

/// <summary>
/// Step 3 of the query pipelines: an active grant must cover the institution, purpose, scope and
/// every category the query reads. The registry is read for every query, never cached, so a
/// revocation or expiry applies to every query that starts after it (ARCHITECTURE.md invariant 4).
/// </summary>
internal sealed class ConsentCheck(IConsentRegistry registry, TimeProvider time)
{
    /// <summary>Returns the id of the grant that allows the query, or null when its purpose needs none.</summary>
    /// <exception cref="AdmissionException">No grant allows it (403 consent_*), or the store is unavailable (503).</exception>
    public async Task<string?> CheckAsync(
        GatewayPolicy policy, string institution, string subject, string purpose, string scope, IReadOnlyCollection<string> categories)
    {
        if (policy.PurposeRules.TryGetValue(purpose, out var rule) && !rule.ConsentRequired)
        {
            return null;
        }

        IReadOnlyList<ConsentGrant> grants;
        try
        {
            // Not the request's token: a half-read decision is still a decision to refuse.
            grants = await registry.FindForAsync(subject, institution, CancellationToken.None);
        }
        catch (ConsentStoreUnavailableException)
        {
            throw new AdmissionException(ProblemCodes.StoreUnavailable);
        }

        if (grants.Count == 0)
        {
            throw new AdmissionException(ProblemCodes.ConsentRequired);
        }

        var now = time.GetUtcNow();
        ConsentGrant? newestCovering = null;
        var exhausted = false;
        foreach (var grant in grants) // newest first
        {
            if (!Covers(grant, purpose, scope, categories))
            {
                continue;
            }

            newestCovering ??= grant;
            if (grant.StatusAt(now) != ConsentStatus.Active)
            {
                continue;
            }

            if (grant.MaxQueries is null || await TryUseAsync(grant.Id))
            {
                return grant.Id;
            }

            exhausted = true;
        }

        // The most specific reason: what happened to the newest grant that would have covered the query.
        throw new AdmissionException(
            exhausted ? ProblemCodes.ConsentExhausted
            : newestCovering is null ? ProblemCodes.ConsentScope
            : newestCovering.StatusAt(now) switch
            {
                ConsentStatus.Revoked => ProblemCodes.ConsentRevoked,
                ConsentStatus.Expired => ProblemCodes.ConsentExpired,
                _ => ProblemCodes.ConsentRequired, // pending: its term has not begun
            });
    }

    internal static bool Covers(ConsentGrant grant, string purpose, string scope, IReadOnlyCollection<string> categories)
    {
        if (!grant.Purposes.Contains(purpose, StringComparer.Ordinal) || !grant.Scopes.Contains(scope, StringComparer.Ordinal))
        {
            return false;
        }

        foreach (var category in categories)
        {
            if (!grant.Categories.Contains(category, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> TryUseAsync(string id)
    {
        try
        {
            return await registry.TryUseAsync(id, CancellationToken.None);
        }
        catch (ConsentStoreUnavailableException)
        {
            throw new AdmissionException(ProblemCodes.StoreUnavailable);
        }
    }
}
