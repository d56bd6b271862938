namespace DataGateway.Core.Contracts;

/// <summary>What an audit receipt signs: the entry that recorded the answer, and the answer's digest.</summary>
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
}
