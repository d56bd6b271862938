using DataGateway.Core.Contracts;

namespace DataGateway.Gateway.Attestation;

/// <summary>
/// What an attestation signs: the answer's content plus the institution it was issued to,
/// so that a third party can check who asked, about whom, and under which policy.
/// </summary>
internal sealed record AttestationPayload
{
    public required string Iss { get; init; }

    public required string Id { get; init; }

    public required string Institution { get; init; }

    public required string Subject { get; init; }

    public required string Purpose { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required string AsOf { get; init; }

    public required IReadOnlyList<CheckResult> Results { get; init; }

    public string? Consent { get; init; }

    public required string PolicyVersion { get; init; }
}

/// <summary>What a receipt signs: the audit entry that recorded the answer, and the answer's digest.</summary>
internal sealed record ReceiptPayload
{
    public required long EntryIndex { get; init; }

    public required string EntryHash { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    public required string ResultDigest { get; init; }
}
