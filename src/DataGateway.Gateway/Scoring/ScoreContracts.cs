using DataGateway.Core.Contracts;

namespace DataGateway.Gateway.Scoring;

/// <summary>Body of <c>POST /v1/scores</c>.</summary>
internal sealed record ScoreRequest
{
    public string? Subject { get; init; }

    public string? Purpose { get; init; }

    public string? Model { get; init; }
}

/// <summary>Body of <c>POST /v1/scores/batch</c>.</summary>
internal sealed record BatchScoreRequest
{
    public IReadOnlyList<string?>? Subjects { get; init; }

    public string? Purpose { get; init; }

    public string? Model { get; init; }
}

/// <summary>One released score: only the bank can decrypt <see cref="Ciphertext"/>.</summary>
internal sealed record ScoreResponse
{
    public required string Id { get; init; }

    public required string Subject { get; init; }

    public required string Model { get; init; }

    public required string Ciphertext { get; init; }

    public required long Scale { get; init; }

    public required AuditReceipt Receipt { get; init; }
}

/// <summary>Body of a batch answer: one item per subject asked, in order.</summary>
internal sealed record BatchScoreResponse
{
    public required IReadOnlyList<BatchScoreItem> Results { get; init; }
}

/// <summary>A score (every member but <see cref="Problem"/>) or a problem for one subject.</summary>
internal sealed record BatchScoreItem
{
    public required string Subject { get; init; }

    public string? Id { get; init; }

    public string? Model { get; init; }

    public string? Ciphertext { get; init; }

    public long? Scale { get; init; }

    public AuditReceipt? Receipt { get; init; }

    public BatchProblem? Problem { get; init; }
}

/// <summary>An RFC 9457-shaped problem for one subject of a batch.</summary>
internal sealed record BatchProblem
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public required string Code { get; init; }
}
