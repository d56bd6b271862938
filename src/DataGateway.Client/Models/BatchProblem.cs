namespace DataGateway.Client.Models;

/// <summary>A per-subject refusal inside a batch answer: the members of an RFC 9457 problem.</summary>
public sealed record BatchProblem
{
    /// <summary>The stable problem code (API.md "Errors").</summary>
    public required string Code { get; init; }

    /// <summary>The HTTP status the refusal would have had on its own.</summary>
    public int? Status { get; init; }

    /// <summary>The problem's title.</summary>
    public string? Title { get; init; }

    /// <summary>The problem's detail, if any.</summary>
    public string? Detail { get; init; }
}
