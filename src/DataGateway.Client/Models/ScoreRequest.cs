namespace DataGateway.Client.Models;

/// <summary>Body of <c>POST /v1/scores</c>.</summary>
public sealed record ScoreRequest
{
    /// <summary>The enterprise's unified social credit code.</summary>
    public required string Subject { get; init; }

    /// <summary>The purpose, e.g. <c>pre-loan</c>; the subject's consent must cover it with scope <c>score</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>The registered model's id.</summary>
    public required string Model { get; init; }
}
