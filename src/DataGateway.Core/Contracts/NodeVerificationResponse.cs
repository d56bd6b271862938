namespace DataGateway.Core.Contracts;

/// <summary>
/// The only shape a node may answer a verification with; the gateway's egress guard refuses
/// anything else, including extra members.
/// </summary>
public sealed record NodeVerificationResponse
{
    /// <summary>The subject the node answered for; must equal the request's.</summary>
    public required string Subject { get; init; }

    /// <summary>The date the node's data is current to (yyyy-MM-dd).</summary>
    public required string AsOf { get; init; }

    /// <summary>One outcome per check, in request order.</summary>
    public required IReadOnlyList<NodeCheckResult> Results { get; init; }
}

/// <summary>One outcome.</summary>
public sealed record NodeCheckResult
{
    /// <summary>The predicate name, as asked.</summary>
    public required string Predicate { get; init; }

    /// <summary><c>true</c>, <c>false</c> or <c>unknown</c>.</summary>
    public required string Result { get; init; }
}
