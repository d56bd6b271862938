using System.Text.Json;

namespace DataGateway.Core.Contracts;

/// <summary>
/// What the gateway sends a data node for one verification. Its exact bytes are hashed into
/// the ticket, so the node computes only the query the gateway admitted.
/// </summary>
public sealed record NodeVerificationRequest
{
    /// <summary>The enterprise asked about (USCC).</summary>
    public required string Subject { get; init; }

    /// <summary>The validated checks; personal parameters are already HMACs.</summary>
    public required IReadOnlyList<NodeCheck> Checks { get; init; }
}

/// <summary>One admitted check.</summary>
public sealed record NodeCheck
{
    /// <summary>The predicate name.</summary>
    public required string Predicate { get; init; }

    /// <summary>Parameters in ordinal key order.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Params { get; init; }
}
