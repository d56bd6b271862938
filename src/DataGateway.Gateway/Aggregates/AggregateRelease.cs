using DataGateway.Core.Contracts;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// Step 8 of the aggregate pipeline: one mechanism run for EVERY group of the public domain,
/// whether or not a node reported rows for it, so the answer's shape, the noise drawn and the
/// work done do not depend on which groups are empty (issue 6; RELIABILITY.md D6).
/// </summary>
internal static class AggregateRelease
{
    /// <summary>Separator of a group key's parts; dimension codes never contain it (the egress guard checks the domain).</summary>
    public const char KeySeparator = '\u001f';

    public static string KeyOf(IReadOnlyList<string> parts) => string.Join(KeySeparator, parts);

    public static AggregateGroup[] Compute(
        AdmittedAggregate query, IReadOnlyDictionary<string, PartialAggregate> partials, AggregateMechanism mechanism, SuppressionRule suppression)
    {
        var groups = new List<AggregateGroup>((int)query.GroupCount);
        foreach (var key in query.DomainKeys())
        {
            var partial = partials.TryGetValue(KeyOf(key), out var found) ? found : PartialAggregate.Empty;
            var answer = query.Metric switch
            {
                AggregateMetric.Count => mechanism.Count(partial.Count, query.Epsilon, suppression),
                AggregateMetric.Sum => mechanism.Sum(partial, query.Bounds, query.Epsilon, suppression),
                _ => mechanism.Mean(partial, query.Bounds, query.Epsilon, suppression),
            };
            var named = new Dictionary<string, string>(key.Length, StringComparer.Ordinal);
            for (var i = 0; i < key.Length; i++)
            {
                named[query.GroupBy[i]] = key[i];
            }

            groups.Add(new AggregateGroup { Key = named, Value = answer.Value, Suppressed = answer.Suppressed });
        }

        return [.. groups];
    }
}
