using System.Security.Cryptography;
using DataGateway.Core.Catalog;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Consent;

namespace DataGateway.Gateway.Consent;

/// <summary>
/// Turns a consent request into a grant, checked against catalog and policy. Rules run in a fixed
/// order so a body always gets the same code; nothing is stored unless every rule passes.
/// </summary>
internal static class ConsentValidator
{
    public const int MaxQueriesLimit = 1_000_000;

    public static ConsentGrant Validate(ConsentRequest request, string subject, string grantedBy, GatewayPolicy policy, DateTimeOffset now)
    {
        if (request.Institution is null || !policy.Institutions.ContainsKey(request.Institution))
        {
            throw new AdmissionException(ProblemCodes.UnknownInstitution);
        }

        if (request.Purposes is not { Count: > 0 })
        {
            throw new AdmissionException(ProblemCodes.EmptyPurposes);
        }

        var purposes = new List<PurposePolicy>(request.Purposes.Count);
        foreach (var purpose in request.Purposes)
        {
            if (purpose is null || !policy.PurposeRules.TryGetValue(purpose, out var rule))
            {
                throw new AdmissionException(ProblemCodes.UnknownPurpose);
            }

            purposes.Add(rule);
        }

        var scopes = request.Scopes ?? [ConsentScopes.Verify];
        if (scopes.Count == 0 || scopes.Any(s => s is null || !ConsentScopes.All.Contains(s)))
        {
            throw new AdmissionException(ProblemCodes.UnknownScope);
        }

        var categories = request.Categories ?? FieldCategories.Names.Where(c => purposes.All(p => p.Categories.Contains(c))).Order(StringComparer.Ordinal).ToArray();
        if (categories.Count == 0 || categories.Any(c => !FieldCategories.TryParse(c, out _)))
        {
            throw new AdmissionException(ProblemCodes.UnknownCategory);
        }

        if (categories.Any(c => purposes.Any(p => !p.Categories.Contains(c))))
        {
            throw new AdmissionException(ProblemCodes.CategoryNotAllowed);
        }

        if (HasDuplicates(request.Purposes) || HasDuplicates(scopes) || HasDuplicates(categories))
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "A list names the same value twice.");
        }

        // A start in the past is moved to now: consent cannot authorise queries that already happened.
        var validFrom = Millis(request.ValidFrom is { } from && from > now ? from : now);
        if (request.ExpiresAt is not { } expiresAt || Millis(expiresAt) <= validFrom)
        {
            throw new AdmissionException(ProblemCodes.InvalidExpiry);
        }

        var term = Millis(expiresAt) - validFrom;
        if (purposes.Any(p => term > p.MaxTerm))
        {
            throw new AdmissionException(ProblemCodes.TermTooLong, $"At most {purposes.Min(p => p.MaxTerm).TotalDays:0} days for these purposes.");
        }

        if (request.MaxQueries is < 1 or > MaxQueriesLimit)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, $"maxQueries must be between 1 and {MaxQueriesLimit}.");
        }

        return new ConsentGrant
        {
            Id = "cns_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15)),
            Subject = subject,
            Institution = request.Institution,
            Purposes = [.. request.Purposes],
            Scopes = [.. scopes],
            Categories = [.. categories],
            ValidFrom = validFrom,
            ExpiresAt = Millis(expiresAt),
            MaxQueries = request.MaxQueries,
            GrantedBy = grantedBy,
            GrantedAt = Millis(now),
        };
    }

    private static bool HasDuplicates(IReadOnlyList<string> values) =>
        values.Distinct(StringComparer.Ordinal).Count() != values.Count;

    // The registry stores milliseconds; the receipt must sign exactly what is stored.
    private static DateTimeOffset Millis(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}
