namespace DataGateway.Client.Models;

/// <summary>Body of <c>POST /v1/scores/batch</c>: one entry per subject asked, in order.</summary>
public sealed record BatchScoreResponse
{
    /// <summary>A score or a problem for each subject, in request order.</summary>
    public required IReadOnlyList<BatchScoreItem> Results { get; init; }
}
