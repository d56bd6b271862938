using System.Text.Json;

namespace DataGateway.Core.Contracts;

/// <summary>Body of <c>POST /v1/verifications</c>.</summary>
public sealed record VerificationRequest
{
    /// <summary>The enterprise asked about (USCC).</summary>
    public string? Subject { get; init; }

    /// <summary>The purpose of the query, e.g. <c>pre-loan</c>.</summary>
    public string? Purpose { get; init; }

    /// <summary>The checks to answer, in order.</summary>
    public IReadOnlyList<CheckRequest>? Checks { get; init; }
}

/// <summary>One check of a verification request.</summary>
public sealed record CheckRequest
{
    /// <summary>A predicate name from the catalog.</summary>
    public string? Predicate { get; init; }

    /// <summary>Its parameters; values must come from the catalog's lists.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Params { get; init; }
}
