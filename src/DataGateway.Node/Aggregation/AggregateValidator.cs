using DataGateway.Core.Catalog;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// Re-checks a node aggregate request against the catalog (the gateway checked it too, but the node
/// trusts tickets, not the gateway's validation), in this order: the field, the bounds, the group-by
/// dimensions, the filter's dimensions and values.
/// </summary>
internal static class AggregateValidator
{
    /// <summary>The plan of a valid request, or the problem of the first rule it breaks.</summary>
    public static ProblemCode? TryPlan(NodeAggregateRequest request, out AggregatePlan? plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        plan = null;
        if (request.Field is { } name)
        {
            if (!FieldCatalog.TryGet(name, out var field))
            {
                return ProblemCodes.UnknownField;
            }

            if (!AggregateDimensions.IsMeasurable(field))
            {
                return ProblemCodes.FieldNotAggregatable;
            }
        }

        if (request.Lower > request.Upper || request.GroupBy is null || request.Filter is null)
        {
            return ProblemCodes.InvalidRequest;
        }

        var groupBy = new List<int>(request.GroupBy.Count);
        foreach (var dimension in request.GroupBy)
        {
            var index = IndexOf(dimension);
            if (index < 0 || groupBy.Contains(index))
            {
                return ProblemCodes.UnknownDimension;
            }

            groupBy.Add(index);
        }

        var filters = new Dictionary<int, ulong>();
        foreach (var (dimension, values) in request.Filter)
        {
            var index = IndexOf(dimension);
            if (index < 0 || filters.ContainsKey(index))
            {
                return ProblemCodes.UnknownDimension;
            }

            if (values is null)
            {
                return ProblemCodes.InvalidRequest;
            }

            var mask = 0UL;
            foreach (var value in values)
            {
                var code = AggregateDimensions.All[index].IndexOf(value);
                if (code < 0)
                {
                    return ProblemCodes.ParamNotAllowed;
                }

                mask |= 1UL << code;
            }

            filters[index] = mask;
        }

        plan = new AggregatePlan(request.Field, groupBy, filters, request.Lower, request.Upper);
        return null;
    }

    private static int IndexOf(string? dimension)
    {
        if (!AggregateDimensions.TryGet(dimension, out var found))
        {
            return -1;
        }

        for (var i = 0; i < AggregateDimensions.All.Count; i++)
        {
            if (ReferenceEquals(AggregateDimensions.All[i], found))
            {
                return i;
            }
        }

        return -1;
    }
}
