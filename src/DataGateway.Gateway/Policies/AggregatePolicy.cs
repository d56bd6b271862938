using System.Collections.Frozen;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Policies;

/// <summary>The compiled rules of private aggregates (<c>policies/aggregates.yaml</c>).</summary>
/// <param name="Institutions">Institutions that may ask aggregates; empty when the section is absent (fail closed).</param>
/// <param name="Period">Length of a budget period; periods are fixed windows from the Unix epoch.</param>
/// <param name="BudgetCap">Epsilon an institution may spend per period.</param>
/// <param name="MaxEpsilonPerQuery">Largest epsilon one query may ask for.</param>
/// <param name="Suppression">The hard floor on the true count and the noisy threshold.</param>
/// <param name="MaxGroupBy">Most dimensions one query may group by.</param>
/// <param name="MaxGroups">Most groups a query's public domain may have.</param>
/// <param name="Fields">Clamp bounds of every measurable field, by name.</param>
internal sealed record AggregatePolicy(
    FrozenSet<string> Institutions,
    TimeSpan Period,
    Epsilon BudgetCap,
    Epsilon MaxEpsilonPerQuery,
    SuppressionRule Suppression,
    int MaxGroupBy,
    int MaxGroups,
    FrozenDictionary<string, ContributionBounds> Fields)
{
    /// <summary>No aggregates for anyone: what a policy without an <c>aggregates</c> section means.</summary>
    public static AggregatePolicy Disabled { get; } = new(
        FrozenSet<string>.Empty, TimeSpan.FromDays(30), Epsilon.MinValue, Epsilon.MinValue,
        new SuppressionRule(long.MaxValue, long.MaxValue), 0, 0, FrozenDictionary<string, ContributionBounds>.Empty);

    /// <summary>The start of the budget period holding <paramref name="at"/>.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset at) =>
        DateTimeOffset.UnixEpoch + (Period * ((at - DateTimeOffset.UnixEpoch).Ticks / Period.Ticks));
}
