namespace DataGateway.Core.Contracts;

/// <summary>What an audit receipt signs: the entry that recorded the answer, the answer's digest, and the inclusion promise.</summary>
public sealed record ReceiptPayload
{
    /// <summary>JWS <c>typ</c> of a receipt.</summary>
    public const string JwsType = "dg-receipt+jwt";

    /// <summary>The audit entry's index.</summary>
    public required long EntryIndex { get; init; }

    /// <summary>Base64url hash of the audit entry.</summary>
    public required string EntryHash { get; init; }

    /// <summary>When the receipt was signed.</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>Base64url SHA-256 of the attestation's payload bytes.</summary>
    public required string ResultDigest { get; init; }

    /// <summary>The origin line of the log whose checkpoints will contain the entry (C2SP checkpoint origin).</summary>
    public string? LogOrigin { get; init; }

    /// <summary>
    /// The promise (CT's SCT idea): the entry is in a checkpoint of <see cref="LogOrigin"/> signed no later than this
    /// (signedAt + the log's maximum merge delay).
    /// </summary>
    public DateTimeOffset? IncludedBy { get; init; }
}
