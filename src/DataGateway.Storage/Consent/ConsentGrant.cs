namespace DataGateway.Storage.Consent;

/// <summary>
/// One enterprise authorization (DOMAIN.md "Consent and retention"). Grants are never deleted
/// or edited except to record a revocation and count uses; status is derived at read time.
/// </summary>
public sealed record ConsentGrant
{
    /// <summary>Id, <c>cns_</c> plus random.</summary>
    public required string Id { get; init; }

    /// <summary>The enterprise (USCC) that granted it.</summary>
    public required string Subject { get; init; }

    /// <summary>The institution it is granted to.</summary>
    public required string Institution { get; init; }

    /// <summary>Purposes covered.</summary>
    public required IReadOnlyList<string> Purposes { get; init; }

    /// <summary>Scopes covered (<c>verify</c>, <c>score</c>).</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Data categories covered (catalog wire names).</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Start of the term (millisecond precision).</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>End of the term, exclusive (millisecond precision).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Most queries allowed; null for no count limit.</summary>
    public int? MaxQueries { get; init; }

    /// <summary>Queries counted against <see cref="MaxQueries"/> so far.</summary>
    public int Uses { get; init; }

    /// <summary>Token subject of whoever granted it.</summary>
    public required string GrantedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset GrantedAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Token subject of whoever revoked it.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>The reason given for the revocation.</summary>
    public string? RevokeReason { get; init; }

    /// <summary>The status at <paramref name="now"/>: revoked, else expired, else pending, else active.</summary>
    /// <param name="now">The instant to judge at (from the injected clock).</param>
    /// <returns>The derived status.</returns>
    public ConsentStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ConsentStatus.Revoked
        : now >= ExpiresAt ? ConsentStatus.Expired
        : now < ValidFrom ? ConsentStatus.Pending
        : ConsentStatus.Active;
}
