namespace DataGateway.Node.Aggregation;

/// <summary>
/// A validated group-by bound to a snapshot's dimension columns: which rows pass the filter, and the
/// group of each passing row as a mixed-radix number of its group-by codes (first dimension most
/// significant, so group order is the domains' lexicographic order).
/// </summary>
internal sealed class BoundQuery
{
    private readonly byte[][] _groupColumns;
    private readonly int[] _radices;
    private readonly ulong[] _groupMasks;
    private readonly byte[][] _filterColumns;
    private readonly ulong[] _filterMasks;

    /// <summary>Binds a plan to the dimension columns it reads.</summary>
    public BoundQuery(AggregatePlan plan, byte[][] dimensionColumns)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(dimensionColumns);
        _groupColumns = [.. plan.GroupBy.Select(d => dimensionColumns[d])];
        _radices = [.. plan.GroupBy.Select(d => Core.Catalog.AggregateDimensions.All[d].Domain.Count)];
        _groupMasks = [.. plan.GroupBy.Select(plan.MaskOf)];
        var filterOnly = plan.Filters.Keys.Where(d => !plan.GroupBy.Contains(d)).ToArray();
        _filterColumns = [.. filterOnly.Select(d => dimensionColumns[d])];
        _filterMasks = [.. filterOnly.Select(plan.MaskOf)];
        GroupCount = plan.GroupCount;
    }

    /// <summary>Groups of the query's public domain (1 without group-by).</summary>
    public int GroupCount { get; }

    /// <summary>The group of <paramref name="row"/>, or -1 when the filter drops it or a group-by value is unknown.</summary>
    public int GroupOf(int row)
    {
        for (var f = 0; f < _filterColumns.Length; f++)
        {
            if (((_filterMasks[f] >> _filterColumns[f][row]) & 1) == 0)
            {
                return -1;
            }
        }

        var group = 0;
        for (var d = 0; d < _groupColumns.Length; d++)
        {
            var code = _groupColumns[d][row];
            if (((_groupMasks[d] >> code) & 1) == 0)
            {
                return -1;
            }

            group = (group * _radices[d]) + code;
        }

        return group;
    }
}
