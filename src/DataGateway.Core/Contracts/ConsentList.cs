namespace DataGateway.Core.Contracts;

/// <summary>Body of <c>GET /v1/consents</c>.</summary>
public sealed record ConsentList
{
    /// <summary>The grants visible to the caller, newest first.</summary>
    public required IReadOnlyList<ConsentView> Items { get; init; }
}
