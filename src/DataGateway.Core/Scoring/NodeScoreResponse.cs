namespace DataGateway.Core.Scoring;

/// <summary>
/// The only shape a node may answer a score request with: one entry per subject asked, in order, each a
/// ciphertext or a per-subject problem code. The gateway's egress guard refuses anything else.
/// </summary>
public sealed record NodeScoreResponse
{
    /// <summary>One entry per subject, in request order.</summary>
    public required IReadOnlyList<NodeScoreResult> Results { get; init; }
}

/// <summary>One subject's answer: exactly one of <see cref="Ciphertext"/> and <see cref="Problem"/>.</summary>
public sealed record NodeScoreResult
{
    /// <summary>The subject, as asked.</summary>
    public required string Subject { get; init; }

    /// <summary>The re-randomised E(b + Σ wᵢ·xᵢ), canonical base64url.</summary>
    public string? Ciphertext { get; init; }

    /// <summary><c>subject_not_found</c> or <c>feature_unavailable</c>.</summary>
    public string? Problem { get; init; }
}
