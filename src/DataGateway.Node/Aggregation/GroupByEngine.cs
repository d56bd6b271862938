namespace DataGateway.Node.Aggregation;

/// <summary>
/// Count and clamped sum per group in one pass over the snapshot's columns: each row's group is the
/// mixed radix of its codes, filters are bit masks. Rows are split into one range per core, each with
/// its own totals, merged at the end; no raw value leaves this class, only per-group totals.
/// </summary>
internal static class GroupByEngine
{
    // Below this many rows a second thread costs more than it saves.
    private const int RowsPerPartition = 1 << 16;

    /// <summary>Per-group row counts and clamped sums (sums are zero when <paramref name="measure"/> is null).</summary>
    public static (long[] Counts, Int128[] Sums) Run(BoundQuery query, int rowCount, NumericColumn? measure, long lower, long upper)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lower, upper);
        var partitions = Math.Clamp(rowCount / RowsPerPartition, 1, Environment.ProcessorCount);
        var counts = new long[partitions][];
        var sums = new Int128[partitions][];
        Parallel.For(0, partitions, p =>
        {
            var from = (int)((long)rowCount * p / partitions);
            var to = (int)((long)rowCount * (p + 1) / partitions);
            counts[p] = new long[query.GroupCount];
            sums[p] = new Int128[measure is null ? 0 : query.GroupCount];
            if (measure is null)
            {
                Count(query, from, to, counts[p]);
            }
            else
            {
                measure.Accumulate(query, from, to, counts[p], sums[p], lower, upper);
            }
        });

        for (var p = 1; p < partitions; p++)
        {
            for (var g = 0; g < query.GroupCount; g++)
            {
                counts[0][g] += counts[p][g];
                if (measure is not null)
                {
                    sums[0][g] += sums[p][g];
                }
            }
        }

        return (counts[0], measure is null ? new Int128[query.GroupCount] : sums[0]);
    }

    private static void Count(BoundQuery query, int from, int to, long[] counts)
    {
        for (var row = from; row < to; row++)
        {
            var group = query.GroupOf(row);
            if (group >= 0)
            {
                counts[group]++;
            }
        }
    }
}
