namespace DataGateway.Core.Contracts;

/// <summary>Body of a successful <c>POST /v1/aggregates</c>.</summary>
public sealed record AggregateResponse
{
    /// <summary>Every group of the public domain, released or suppressed, in domain order.</summary>
    public required IReadOnlyList<AggregateGroup> Groups { get; init; }

    /// <summary>Epsilon this request spent: 0 when an identical query's answer was returned again.</summary>
    public required decimal EpsilonSpent { get; init; }

    /// <summary>Epsilon the institution has left in the current period.</summary>
    public required decimal BudgetRemaining { get; init; }

    /// <summary>The noise mechanism, e.g. <c>discrete-laplace</c>.</summary>
    public required string Mechanism { get; init; }

    /// <summary>Proof that the query's audit entry was durable before this answer was released.</summary>
    public required AuditReceipt Receipt { get; init; }
}

/// <summary>One group of an aggregate answer. A suppressed group carries no value.</summary>
public sealed record AggregateGroup
{
    /// <summary>The group's value of each group-by dimension.</summary>
    public required IReadOnlyDictionary<string, string> Key { get; init; }

    /// <summary>The noisy value; absent when suppressed.</summary>
    public decimal? Value { get; init; }

    /// <summary>Whether the group is withheld (too small, or its noisy count under the threshold).</summary>
    public required bool Suppressed { get; init; }
}
