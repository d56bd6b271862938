namespace DataGateway.Gateway.Aggregates;

/// <summary>What an aggregate query measures (API.md "Aggregates").</summary>
internal enum AggregateMetric
{
    /// <summary>Records per group; all of epsilon on one noisy count.</summary>
    Count,

    /// <summary>Sum of a field's clamped values; epsilon split between the count and the sum.</summary>
    Sum,

    /// <summary>Noisy sum over noisy count; epsilon split in half.</summary>
    Mean,
}
