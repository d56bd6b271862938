namespace DataGateway.Core.Contracts;

/// <summary>
/// What the gateway sends a data node for one aggregate, under a ticket of kind <c>aggregate</c> and
/// subject <c>*</c> bound to these exact body bytes. The node answers true counts and clamped sums
/// per non-empty group; the gateway combines nodes, adds noise once and suppresses small groups.
/// </summary>
public sealed record NodeAggregateRequest
{
    /// <summary>The measured catalog field; null counts rows only.</summary>
    public string? Field { get; init; }

    /// <summary>Public dimensions to group by (<see cref="Catalog.AggregateDimensions"/>), in key order; empty is one group.</summary>
    public required IReadOnlyList<string> GroupBy { get; init; }

    /// <summary>Dimension values to keep, per dimension; an absent dimension keeps its whole domain.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Filter { get; init; }

    /// <summary>Policy clamp lower bound, in the field's integer encoding (ignored for counts).</summary>
    public required long Lower { get; init; }

    /// <summary>Policy clamp upper bound, in the field's integer encoding; at least <see cref="Lower"/>.</summary>
    public required long Upper { get; init; }
}
