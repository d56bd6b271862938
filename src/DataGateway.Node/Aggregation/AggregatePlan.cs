using DataGateway.Core.Catalog;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// A node aggregate request checked against the catalog, as dimension indices and value masks.
/// </summary>
/// <param name="Field">The measured field, or null to count rows.</param>
/// <param name="GroupBy">Indices into <see cref="AggregateDimensions.All"/>, in key order.</param>
/// <param name="Filters">Allowed-code masks (bit i = domain value i) per filtered dimension index.</param>
/// <param name="Lower">Clamp lower bound.</param>
/// <param name="Upper">Clamp upper bound.</param>
internal sealed record AggregatePlan(string? Field, IReadOnlyList<int> GroupBy, IReadOnlyDictionary<int, ulong> Filters, long Lower, long Upper)
{
    /// <summary>Groups of the public domain: the product of the group-by domains' sizes.</summary>
    public int GroupCount => GroupBy.Aggregate(1, (product, d) => checked(product * AggregateDimensions.All[d].Domain.Count));

    /// <summary>The codes a dimension admits: its filter, else its whole domain (never <see cref="DimensionCodes.Unknown"/>).</summary>
    public ulong MaskOf(int dimension) =>
        Filters.TryGetValue(dimension, out var mask) ? mask : (1UL << AggregateDimensions.All[dimension].Domain.Count) - 1;

    /// <summary>The group-by values of group <paramref name="group"/>, in key order.</summary>
    public string[] KeyOf(int group)
    {
        var key = new string[GroupBy.Count];
        for (var d = GroupBy.Count - 1; d >= 0; d--)
        {
            var domain = AggregateDimensions.All[GroupBy[d]].Domain;
            key[d] = domain[group % domain.Count];
            group /= domain.Count;
        }

        return key;
    }
}
