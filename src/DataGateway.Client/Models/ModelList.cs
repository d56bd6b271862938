namespace DataGateway.Client.Models;

/// <summary>Body of <c>GET /v1/models</c>.</summary>
public sealed record ModelList
{
    /// <summary>The institution's models.</summary>
    public required IReadOnlyList<ModelView> Items { get; init; }
}
