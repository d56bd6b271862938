namespace DataGateway.Core.Contracts;

/// <summary>Body of <c>POST /v1/aggregates</c> (API.md "Aggregates"), as clients send it.</summary>
public sealed record AggregateRequest
{
    /// <summary><c>count</c>, <c>sum</c> or <c>mean</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>The measured catalog field; omitted for <c>count</c>.</summary>
    public string? Field { get; init; }

    /// <summary>Public dimensions to group by, in the order of the answer's keys.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Dimension values to keep, per dimension; omitted keeps the whole public domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filter { get; init; }

    /// <summary>Privacy loss spent by the query, a whole number of micro-units (at most 6 decimals).</summary>
    public required decimal Epsilon { get; init; }

    /// <summary>The declared purpose; optional for population statistics.</summary>
    public string? Purpose { get; init; }
}
