using DataGateway.Core.Contracts;

namespace DataGateway.Client.Models;

/// <summary>One subject's answer in a batch: the score's members, or a <see cref="Problem"/> and nothing else.</summary>
public sealed record BatchScoreItem
{
    /// <summary>The enterprise this entry answers.</summary>
    public required string Subject { get; init; }

    /// <summary>The score id, when scored.</summary>
    public string? Id { get; init; }

    /// <summary>The model used, when scored.</summary>
    public string? Model { get; init; }

    /// <summary>The encrypted linear predictor, when scored.</summary>
    public string? Ciphertext { get; init; }

    /// <summary>The model's scale, when scored.</summary>
    public long? Scale { get; init; }

    /// <summary>This subject's own audit receipt, when scored.</summary>
    public AuditReceipt? Receipt { get; init; }

    /// <summary>Why this subject was not scored (for example <c>consent_required</c>); null when scored.</summary>
    public BatchProblem? Problem { get; init; }
}
