using System.Collections.Frozen;
using DataGateway.Core.Catalog;

namespace DataGateway.Gateway.Policies;

/// <summary>
/// Compiles each purpose's consent rules. Defaults fail closed: consent is required unless a
/// purpose says otherwise, and a term is capped at 12 months, the usual maximum of an
/// enterprise authorization (DOMAIN.md "Consent and retention").
/// </summary>
internal static class PurposePolicyCompiler
{
    public const int DefaultMaxTermDays = 365;

    /// <summary>Longest term policy may allow: consent evidence is kept for years, a grant is not meant to last that long.</summary>
    public const int LimitMaxTermDays = 5 * 366;

    public static FrozenDictionary<string, PurposePolicy> Compile(List<PurposeDocument> purposes, List<string> errors)
    {
        var result = new Dictionary<string, PurposePolicy>(StringComparer.Ordinal);
        foreach (var purpose in purposes)
        {
            if (string.IsNullOrWhiteSpace(purpose.Id) || result.ContainsKey(purpose.Id))
            {
                continue; // reported by PolicyCompiler.CompilePurposes
            }

            var where = $"purposes: '{purpose.Id}'";
            var days = purpose.MaxTermDays ?? DefaultMaxTermDays;
            if (days is < 1 or > LimitMaxTermDays)
            {
                errors.Add($"{where} maxTermDays must be between 1 and {LimitMaxTermDays}");
            }

            var categories = new HashSet<string>(StringComparer.Ordinal);
            foreach (var category in purpose.Categories ?? [.. FieldCategories.Names])
            {
                if (!FieldCategories.TryParse(category, out _))
                {
                    errors.Add($"{where} names unknown category '{category}'");
                }
                else if (!categories.Add(category))
                {
                    errors.Add($"{where} names category '{category}' twice");
                }
            }

            if (purpose.Categories is { Count: 0 })
            {
                errors.Add($"{where} categories must not be empty (omit it to allow every category)");
            }

            result[purpose.Id] = new PurposePolicy(
                purpose.Id, purpose.ConsentRequired ?? true, TimeSpan.FromDays(days), categories.ToFrozenSet(StringComparer.Ordinal));
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
