namespace DataGateway.Core.Contracts;

/// <summary>
/// A consent grant as the API returns it. The receipt is a compact JWS (typ <see cref="ReceiptType"/>)
/// over this same record without the receipt, so the grant's full terms are provable offline.
/// </summary>
public sealed record ConsentView
{
    /// <summary>JWS <c>typ</c> of a consent receipt.</summary>
    public const string ReceiptType = "dg-consent+jwt";

    /// <summary>Consent id, <c>cns_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The enterprise (USCC) that granted it.</summary>
    public required string Subject { get; init; }

    /// <summary>The institution it was granted to.</summary>
    public required string Institution { get; init; }

    /// <summary>Purposes covered.</summary>
    public required IReadOnlyList<string> Purposes { get; init; }

    /// <summary>Scopes covered.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Data categories covered.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Start of the term.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>End of the term.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Most queries allowed, if limited.</summary>
    public int? MaxQueries { get; init; }

    /// <summary>The token subject that granted it.</summary>
    public required string GrantedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset GrantedAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Who revoked it.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>Why it was revoked, as the owner said.</summary>
    public string? RevokeReason { get; init; }

    /// <summary><c>pending</c>, <c>active</c>, <c>revoked</c> or <c>expired</c>, derived when read.</summary>
    public required string Status { get; init; }

    /// <summary>Signed receipt over the other members; set on grant and revoke answers.</summary>
    public string? Receipt { get; init; }
}
