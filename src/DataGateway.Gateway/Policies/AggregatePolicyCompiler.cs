using System.Collections.Frozen;
using DataGateway.Core.Catalog;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Policies;

/// <summary>
/// Checks the <c>aggregates</c> section against the catalog and builds <see cref="AggregatePolicy"/>.
/// Every error is collected; a missing section compiles to <see cref="AggregatePolicy.Disabled"/>.
/// </summary>
internal static class AggregatePolicyCompiler
{
    /// <summary>
    /// Most groups policy may allow per query: the node's partials for every group must fit the
    /// gateway's 64 KiB node-response cap (NodeExchange.MaxResponseBytes) with three-part keys.
    /// </summary>
    public const int LimitMaxGroups = 1000;

    private const string Where = "aggregates";

    public static AggregatePolicy Compile(AggregatePolicyDocument? document, IReadOnlySet<string> institutionIds, List<string> errors)
    {
        if (document is null)
        {
            return AggregatePolicy.Disabled;
        }

        var institutions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in document.Institutions ?? [])
        {
            if (!institutionIds.Contains(id))
            {
                errors.Add($"{Where}.institutions: '{id}' is not a registered institution");
            }
            else if (!institutions.Add(id))
            {
                errors.Add($"{Where}.institutions: '{id}' is listed twice");
            }
        }

        var period = PolicyCompiler.ParsePeriod(document.Period);
        if (period is null)
        {
            errors.Add($"{Where}.period: expected a whole number of days or hours, e.g. '30d'");
        }

        var cap = ParseEpsilon(document.BudgetCap, "budgetCap", errors);
        var perQuery = ParseEpsilon(document.MaxEpsilonPerQuery, "maxEpsilonPerQuery", errors);
        if (cap is { } c && perQuery is { } q && q > c)
        {
            errors.Add($"{Where}.maxEpsilonPerQuery: must not exceed budgetCap");
        }

        if (perQuery is { MicroUnits: < 2 })
        {
            errors.Add($"{Where}.maxEpsilonPerQuery: must be at least 0.000002 (sum and mean split epsilon in two)");
        }

        var suppression = CompileSuppression(document, errors);
        if (document.MaxGroupBy is not { } maxGroupBy || maxGroupBy < 1 || maxGroupBy > AggregateDimensions.All.Count)
        {
            errors.Add($"{Where}.maxGroupBy: must be between 1 and the number of dimensions");
        }

        if (document.MaxGroups is not (>= 1 and <= LimitMaxGroups))
        {
            errors.Add($"{Where}.maxGroups: must be between 1 and {LimitMaxGroups}");
        }

        var fields = CompileFields(document.Fields, errors);
        return period is null || cap is null || perQuery is null || suppression is null
            ? AggregatePolicy.Disabled
            : new AggregatePolicy(
                institutions.ToFrozenSet(StringComparer.Ordinal), period.Value, cap.Value, perQuery.Value, suppression,
                document.MaxGroupBy ?? 0, document.MaxGroups ?? 0, fields);
    }

    private static Epsilon? ParseEpsilon(string? text, string name, List<string> errors)
    {
        if (text is not null && Epsilon.TryParse(text, out var epsilon, out _))
        {
            return epsilon;
        }

        errors.Add($"{Where}.{name}: expected a positive decimal with at most 6 decimals, e.g. '1.0'");
        return null;
    }

    private static SuppressionRule? CompileSuppression(AggregatePolicyDocument document, List<string> errors)
    {
        if (document.MinGroupSize is not (>= 1 and <= 1_000_000) || document.NoisyThreshold is not { } threshold)
        {
            errors.Add($"{Where}.minGroupSize and noisyThreshold: both required, minGroupSize between 1 and 1000000");
            return null;
        }

        // SuppressionRule's δ argument: the floor must not exceed the noisy threshold.
        if (threshold < document.MinGroupSize || threshold > 1_000_000)
        {
            errors.Add($"{Where}.noisyThreshold: must be between minGroupSize and 1000000");
            return null;
        }

        return new SuppressionRule(threshold, document.MinGroupSize.Value);
    }

    private static FrozenDictionary<string, ContributionBounds> CompileFields(Dictionary<string, FieldBoundsDocument?>? fields, List<string> errors)
    {
        var result = new Dictionary<string, ContributionBounds>(StringComparer.Ordinal);
        foreach (var (name, bounds) in fields ?? [])
        {
            if (!FieldCatalog.TryGet(name, out var field) || !AggregateDimensions.IsMeasurable(field))
            {
                errors.Add($"{Where}.fields: '{name}' is not a measurable catalog field");
            }
            else if (bounds?.Lower is not { } lower || bounds.Upper is not { } upper || lower > upper)
            {
                errors.Add($"{Where}.fields: '{name}' needs lower <= upper");
            }
            else
            {
                result[name] = new ContributionBounds(lower, upper);
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
