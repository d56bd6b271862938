namespace DataGateway.Storage.Models;

/// <summary>
/// One institution's registered scoring model. Immutable: a change is a new id; deletion only marks it,
/// so an id is never reused and past scores stay attributable to the exact model (RELIABILITY.md P6).
/// </summary>
public sealed record RegisteredModel
{
    /// <summary>The owning institution.</summary>
    public required string Institution { get; init; }

    /// <summary>The model id, unique per institution.</summary>
    public required string Id { get; init; }

    /// <summary>The public key's n, canonical base64url.</summary>
    public required string N { get; init; }

    /// <summary>The fixed-point scale the bank encoded its weights with.</summary>
    public required long Scale { get; init; }

    /// <summary>Catalog fields or <c>field=value</c> indicators.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>E(wᵢ), canonical base64url, in feature order.</summary>
    public required IReadOnlyList<string> Weights { get; init; }

    /// <summary>E(b), canonical base64url.</summary>
    public required string Bias { get; init; }

    /// <summary>The <see cref="Core.Scoring.ModelCommitment"/> of the members above.</summary>
    public required string Commitment { get; init; }

    /// <summary>The principal that registered it.</summary>
    public required string RegisteredBy { get; init; }

    /// <summary>When it was registered.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When it was deleted, if it was.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Whether it is deleted (never usable again, id never reusable).</summary>
    public bool IsDeleted => DeletedAt is not null;
}
