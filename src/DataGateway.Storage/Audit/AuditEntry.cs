namespace DataGateway.Storage.Audit;

/// <summary>
/// One audited event: a gateway request (allowed, denied or failed) or a consent event.
/// Carries who asked what and the outcome, never result values or raw data (ARCHITECTURE.md, "Audit log").
/// </summary>
/// <remarks>
/// Strings longer than <see cref="AuditLogOptions.MaxFieldLength"/> are capped before they are hashed and stored,
/// so what is read back may be shorter than what was appended.
/// </remarks>
public sealed record AuditEntry
{
    /// <summary>The principal that acted (the token subject).</summary>
    public required string Actor { get; init; }

    /// <summary>The principal's role: institution, owner, auditor or admin.</summary>
    public required string Role { get; init; }

    /// <summary>The institution id of the actor, if any.</summary>
    public string? Institution { get; init; }

    /// <summary>The data subject (USCC) the request was about, if any.</summary>
    public string? Subject { get; init; }

    /// <summary>The declared purpose of the request.</summary>
    public string? Purpose { get; init; }

    /// <summary>The kind of event, e.g. "verification" or "consent.grant".</summary>
    public required string Kind { get; init; }

    /// <summary>Hash of the canonical query, if the event was a query.</summary>
    public string? QueryHash { get; init; }

    /// <summary>"allowed", "denied" or "failed".</summary>
    public required string Decision { get; init; }

    /// <summary>A problem code, or "ok".</summary>
    public required string Reason { get; init; }

    /// <summary>The consent grant the decision relied on, if any.</summary>
    public string? ConsentId { get; init; }

    /// <summary>The version (hash) of the policy files that decided.</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>Digest of the released result; never the result itself.</summary>
    public string? ResultDigest { get; init; }

    /// <summary>The data node that answered, if any.</summary>
    public string? Node { get; init; }

    /// <summary>Request latency in microseconds.</summary>
    public long LatencyMicros { get; init; }

    /// <summary>The caller's own request id (X-Client-Request-Id), if sent.</summary>
    public string? ClientRequestId { get; init; }

    /// <summary>Names of the predicates asked; used to rebuild per-predicate query counters after a restart.</summary>
    public IReadOnlyList<string> Predicates { get; init; } = [];
}
