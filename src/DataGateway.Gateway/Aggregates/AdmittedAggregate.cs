using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Aggregates;

/// <summary>An aggregate query that passed admission: every name checked, the domain known.</summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Field">The measured field; null for <see cref="AggregateMetric.Count"/>.</param>
/// <param name="Bounds">The field's clamp bounds from policy; [0, 0] for a count.</param>
/// <param name="GroupBy">Dimensions in key order.</param>
/// <param name="Domains">Per group-by dimension, its public values restricted by the filter, in catalog order.</param>
/// <param name="Filter">Every filtered dimension with its kept values in catalog order, sorted by dimension name.</param>
/// <param name="Epsilon">The privacy loss to spend.</param>
/// <param name="Purpose">The declared purpose, if any.</param>
internal sealed record AdmittedAggregate(
    AggregateMetric Metric,
    string? Field,
    ContributionBounds Bounds,
    IReadOnlyList<string> GroupBy,
    IReadOnlyList<IReadOnlyList<string>> Domains,
    SortedDictionary<string, IReadOnlyList<string>> Filter,
    Epsilon Epsilon,
    string? Purpose)
{
    /// <summary>The metric's wire name.</summary>
    public string MetricName => Metric.ToString().ToLowerInvariant();

    /// <summary>Groups in the public domain: the product of the domain sizes (1 with no group-by).</summary>
    public long GroupCount => Domains.Aggregate(1L, (product, domain) => product * domain.Count);

    /// <summary>
    /// What the audit entry records about the query: names and epsilon, never a value
    /// (AuditEntry.Predicates is the entry's list of what was asked).
    /// </summary>
    public IReadOnlyList<string> AuditTerms() =>
    [
        "metric:" + MetricName,
        .. Field is null ? Array.Empty<string>() : ["field:" + Field],
        .. GroupBy.Select(d => "groupBy:" + d),
        .. Filter.Keys.Select(d => "filter:" + d),
        "epsilon:" + Epsilon,
    ];

    /// <summary>Every key of the public domain, in row-major order of <see cref="Domains"/>.</summary>
    public IEnumerable<string[]> DomainKeys()
    {
        var indexes = new int[Domains.Count];
        if (Domains.Any(d => d.Count == 0))
        {
            yield break;
        }

        while (true)
        {
            var key = new string[Domains.Count];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = Domains[i][indexes[i]];
            }

            yield return key;
            var position = Domains.Count - 1;
            while (position >= 0 && ++indexes[position] == Domains[position].Count)
            {
                indexes[position--] = 0;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }
}
