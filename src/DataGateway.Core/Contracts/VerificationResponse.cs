using System.Text.Json;

namespace DataGateway.Core.Contracts;

/// <summary>Body of a successful <c>POST /v1/verifications</c>.</summary>
public sealed record VerificationResponse
{
    /// <summary>Verification id, <c>vrf_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The enterprise asked about.</summary>
    public required string Subject { get; init; }

    /// <summary>The purpose given.</summary>
    public required string Purpose { get; init; }

    /// <summary>When the gateway issued the answer.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The date the node's data is current to (yyyy-MM-dd).</summary>
    public required string AsOf { get; init; }

    /// <summary>One result per requested check, in request order.</summary>
    public required IReadOnlyList<CheckResult> Results { get; init; }

    /// <summary>The consent that allowed the query, when policy requires one.</summary>
    public string? Consent { get; init; }

    /// <summary>The version (hash) of the policy that admitted the query.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>Compact JWS (ES256) over the same content, signed by the gateway.</summary>
    public required string Attestation { get; init; }

    /// <summary>Proof that the query's audit entry was durable before this answer was released.</summary>
    public required AuditReceipt Receipt { get; init; }
}

/// <summary>The answer to one check.</summary>
public sealed record CheckResult
{
    /// <summary>The predicate name.</summary>
    public required string Predicate { get; init; }

    /// <summary>The parameters as asked; omitted for predicates without parameters and for personal values.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Params { get; init; }

    /// <summary><c>true</c>, <c>false</c> or <c>unknown</c>.</summary>
    public required string Result { get; init; }
}

/// <summary>An audit receipt: the entry that records a request, signed by the gateway.</summary>
public sealed record AuditReceipt
{
    /// <summary>The entry's 0-based index in the log.</summary>
    public required long EntryIndex { get; init; }

    /// <summary>Base64url SHA-256 of the entry.</summary>
    public required string EntryHash { get; init; }

    /// <summary>When the receipt was signed.</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The origin of the log whose checkpoints will contain the entry.</summary>
    public string? LogOrigin { get; init; }

    /// <summary>The signed promise: the entry is in a checkpoint signed no later than this.</summary>
    public DateTimeOffset? IncludedBy { get; init; }

    /// <summary>Compact JWS (ES256) over index, hash, time, result digest and the inclusion promise.</summary>
    public required string Signature { get; init; }
}
