namespace DataGateway.Core.Scoring;

/// <summary>
/// What the gateway sends a data node for a score or a batch of scores. The model travels with the
/// query, so nodes need no registry; its exact bytes are hashed into the ticket.
/// </summary>
public sealed record NodeScoreRequest
{
    /// <summary>The registered model, with its commitment.</summary>
    public required NodeScoreModel Model { get; init; }

    /// <summary>The admitted subjects (USCC), in the order the answers must follow.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }
}

/// <summary>A registered model as a node receives it.</summary>
public sealed record NodeScoreModel
{
    /// <summary>The public key's n, canonical base64url.</summary>
    public required string N { get; init; }

    /// <summary>The fixed-point scale (bound into the commitment; the node does not use it otherwise).</summary>
    public required long Scale { get; init; }

    /// <summary>Catalog fields or <c>field=value</c> indicators, in weight order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>E(wᵢ), canonical base64url.</summary>
    public required IReadOnlyList<string> Weights { get; init; }

    /// <summary>E(b), canonical base64url.</summary>
    public required string Bias { get; init; }

    /// <summary><see cref="ModelCommitment"/> of the members above; the node recomputes it.</summary>
    public required string Commitment { get; init; }
}
