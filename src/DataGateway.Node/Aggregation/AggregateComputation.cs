using DataGateway.Core.Contracts;

namespace DataGateway.Node.Aggregation;

/// <summary>Runs a validated plan over the snapshot and shapes the answer: non-empty groups only, in domain order.</summary>
internal sealed class AggregateComputation(AggregateSnapshot snapshot)
{
    private readonly string _asOf = snapshot.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The node's partial answer to <paramref name="plan"/>.</summary>
    public async Task<NodeAggregateResponse> RunAsync(AggregatePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var dimensions = await snapshot.DimensionsAsync();
        var rows = dimensions[0].Length;
        var measure = plan.Field is null ? null : await snapshot.FieldAsync(plan.Field);
        if (measure is not null && measure.Length != rows)
        {
            throw new InvalidDataException("A measured column does not line up with the dimension columns.");
        }

        var query = new BoundQuery(plan, dimensions);
        var (counts, sums) = GroupByEngine.Run(query, rows, measure, plan.Lower, plan.Upper);
        var groups = new List<NodeAggregateGroup>();
        for (var g = 0; g < counts.Length; g++)
        {
            if (counts[g] > 0)
            {
                groups.Add(new NodeAggregateGroup { Key = plan.KeyOf(g), Count = counts[g], ClampedSum = sums[g] });
            }
        }

        return new NodeAggregateResponse { AsOf = _asOf, Groups = groups };
    }
}
