namespace DataGateway.Core.Contracts;

/// <summary>
/// The only shape a node may answer an aggregate with: a partial aggregate per non-empty group,
/// never a row. Partials of several nodes add up group by group.
/// </summary>
public sealed record NodeAggregateResponse
{
    /// <summary>The date the node's data is current to (yyyy-MM-dd).</summary>
    public required string AsOf { get; init; }

    /// <summary>The non-empty groups, in domain order; the gateway fills the rest of the public domain.</summary>
    public required IReadOnlyList<NodeAggregateGroup> Groups { get; init; }
}

/// <summary>The partial aggregate of one group.</summary>
public sealed record NodeAggregateGroup
{
    /// <summary>The group's value of each group-by dimension, in the request's group-by order.</summary>
    public required IReadOnlyList<string> Key { get; init; }

    /// <summary>True number of rows in the group (for a measured field: rows with a known value).</summary>
    public required long Count { get; init; }

    /// <summary>Sum of the field's values clamped to [Lower, Upper]; 0 for counts.</summary>
    public required Int128 ClampedSum { get; init; }
}
