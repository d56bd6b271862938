using DataGateway.Core.Catalog;
using DataGateway.Core.Contracts;
using DataGateway.Core.Records;
using DataGateway.Node.Scoring;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>The naive LINQ answer to a node aggregate, straight from the records: what the engine must equal.</summary>
internal static class AggregateOracle
{
    public static IReadOnlyList<(string Key, long Count, Int128 Sum)> Answer(IEnumerable<EnterpriseRecord> records, NodeAggregateRequest request, DateOnly asOf)
    {
        var encode = request.Field is null ? null : FieldEncodings.Numbers[request.Field];
        return records
            .Where(r => request.Filter.All(f => f.Value.Contains(ValueOf(r, f.Key, asOf))))
            .Select(r => (Record: r, Key: request.GroupBy.Select(d => ValueOf(r, d, asOf)).ToArray(), Value: encode?.Invoke(r, asOf)))
            .Where(x => x.Key.All(v => v is not null) && (encode is null || x.Value is not null))
            .GroupBy(x => string.Join("|", x.Key))
            .Select(g => (
                Key: g.Key,
                Order: OrderOf(request.GroupBy, g.First().Key!),
                Count: (long)g.Count(),
                Sum: encode is null ? Int128.Zero : g.Aggregate(Int128.Zero, (s, x) => s + long.Clamp(x.Value!.Value, request.Lower, request.Upper))))
            .OrderBy(g => g.Order)
            .Select(g => (g.Key, g.Count, g.Sum))
            .ToList();
    }

    public static string? ValueOf(EnterpriseRecord r, string dimension, DateOnly asOf) => dimension switch
    {
        AggregateDimensions.AgeBand => AggregateDimensions.AgeBands[AggregateDimensions.AgeBandOf(FieldEncodings.WholeYears(r.RegisteredOn, asOf))],
        AggregateDimensions.SizeClass => r.SocialHeadcount is { } h ? AggregateDimensions.SizeClasses[AggregateDimensions.SizeClassOf(h)] : null,
        _ => FieldEncodings.Codes[dimension](r),
    };

    private static long OrderOf(IReadOnlyList<string> groupBy, string?[] key)
    {
        long order = 0;
        for (var i = 0; i < groupBy.Count; i++)
        {
            AggregateDimensions.TryGet(groupBy[i], out var d);
            order = (order * d.Domain.Count) + d.IndexOf(key[i]);
        }

        return order;
    }
}
