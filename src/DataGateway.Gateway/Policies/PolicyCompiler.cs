using System.Collections.Frozen;
using System.Globalization;
using DataGateway.Core.Verification;

namespace DataGateway.Gateway.Policies;

/// <summary>Checks a merged policy document against the catalog and builds the snapshot.</summary>
internal static class PolicyCompiler
{
    public static GatewayPolicy? Compile(PolicyDocument document, string version, List<string> errors)
    {
        var purposes = CompilePurposes(document, errors);
        var purposeRules = PurposePolicyCompiler.Compile(document.Purposes ?? [], errors);
        var predicates = CompilePredicates(document, errors);
        var institutions = CompileInstitutions(document, purposes, predicates, errors);
        var limits = CompileLimits(document, errors);
        var models = ModelPolicyCompiler.Compile(document.Models, errors);
        var aggregates = AggregatePolicyCompiler.Compile(document.Aggregates, institutions.Keys.ToHashSet(StringComparer.Ordinal), errors);
        return errors.Count > 0 || limits is null
            ? null
            : new GatewayPolicy(version, purposes, institutions, predicates, limits, purposeRules) { Models = models, Aggregates = aggregates };
    }

    private static FrozenSet<string> CompilePurposes(PolicyDocument document, List<string> errors)
    {
        if (document.Purposes is not { Count: > 0 })
        {
            errors.Add("purposes: at least one purpose is required");
            return FrozenSet<string>.Empty;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var purpose in document.Purposes)
        {
            if (string.IsNullOrWhiteSpace(purpose.Id))
            {
                errors.Add("purposes: a purpose has no id");
            }
            else if (!ids.Add(purpose.Id))
            {
                errors.Add($"purposes: '{purpose.Id}' is defined twice");
            }
        }

        return ids.ToFrozenSet(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, PredicatePolicy> CompilePredicates(PolicyDocument document, List<string> errors)
    {
        var result = new Dictionary<string, PredicatePolicy>(StringComparer.Ordinal);
        foreach (var (name, parameters) in document.Predicates ?? [])
        {
            if (!PredicateCatalog.TryGet(name, out var definition))
            {
                errors.Add($"predicates: '{name}' is not in the catalog");
                continue;
            }

            result[name] = PredicatePolicyCompiler.Compile(definition, parameters ?? [], errors);
        }

        if (result.Count == 0)
        {
            errors.Add("predicates: at least one predicate must be offered");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, InstitutionPolicy> CompileInstitutions(
        PolicyDocument document, FrozenSet<string> purposes, FrozenDictionary<string, PredicatePolicy> predicates, List<string> errors)
    {
        var result = new Dictionary<string, InstitutionPolicy>(StringComparer.Ordinal);
        foreach (var institution in document.Institutions ?? [])
        {
            if (string.IsNullOrWhiteSpace(institution.Id))
            {
                errors.Add("institutions: an institution has no id");
                continue;
            }

            var where = $"institutions: '{institution.Id}'";
            if (result.ContainsKey(institution.Id))
            {
                errors.Add($"{where} is defined twice");
            }

            foreach (var purpose in institution.Purposes ?? [])
            {
                if (!purposes.Contains(purpose))
                {
                    errors.Add($"{where} names undefined purpose '{purpose}'");
                }
            }

            var allowed = institution.Predicates is ["*"]
                ? predicates.Keys.ToFrozenSet(StringComparer.Ordinal)
                : (institution.Predicates ?? []).ToFrozenSet(StringComparer.Ordinal);
            foreach (var predicate in allowed.Where(p => !predicates.ContainsKey(p)))
            {
                errors.Add($"{where} names predicate '{predicate}' that predicates.yaml does not offer");
            }

            result[institution.Id] = new InstitutionPolicy(
                institution.Id, institution.Name ?? institution.Id,
                (institution.Purposes ?? []).ToFrozenSet(StringComparer.Ordinal), allowed);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static VerificationLimits? CompileLimits(PolicyDocument document, List<string> errors)
    {
        var verification = document.Limits?.Verification;
        if (verification is null)
        {
            errors.Add("limits.verification: required");
            return null;
        }

        var period = ParsePeriod(verification.Period);
        if (period is null)
        {
            errors.Add("limits.verification.period: expected a whole number of days or hours, e.g. '30d' or '12h'");
        }

        if (verification.PerSubjectPredicate is not > 0)
        {
            errors.Add("limits.verification.perSubjectPredicate: must be a positive integer");
        }

        if (verification.MaxChecksPerRequest is not (> 0 and <= 100))
        {
            errors.Add("limits.verification.maxChecksPerRequest: must be between 1 and 100");
        }

        return period is null
            ? null
            : new VerificationLimits(verification.PerSubjectPredicate ?? 0, period.Value, verification.MaxChecksPerRequest ?? 0);
    }

    internal static TimeSpan? ParsePeriod(string? text)
    {
        if (text is not { Length: >= 2 } ||
            !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ||
            amount <= 0)
        {
            return null;
        }

        return text[^1] switch
        {
            'd' => TimeSpan.FromDays(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
    }
}
