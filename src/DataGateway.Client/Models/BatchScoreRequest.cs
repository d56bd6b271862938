namespace DataGateway.Client.Models;

/// <summary>Body of <c>POST /v1/scores/batch</c>: one model, many subjects, each with its own consent.</summary>
public sealed record BatchScoreRequest
{
    /// <summary>The enterprises' unified social credit codes; answers come back in this order.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    /// <summary>The purpose, e.g. <c>pre-loan</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>The registered model's id.</summary>
    public required string Model { get; init; }
}
