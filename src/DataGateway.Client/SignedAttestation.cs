using DataGateway.Core.Contracts;

namespace DataGateway.Client;

/// <summary>The payload the gateway signs in an attestation (the gateway's AttestationPayload).</summary>
internal sealed record SignedAttestation
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
