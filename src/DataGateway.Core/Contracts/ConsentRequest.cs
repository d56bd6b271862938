namespace DataGateway.Core.Contracts;

/// <summary>Body of <c>POST /v1/consents</c>: what an enterprise authorizes one institution to ask (API.md "Consent").</summary>
public sealed record ConsentRequest
{
    /// <summary>The institution the consent is given to.</summary>
    public string? Institution { get; init; }

    /// <summary>Purposes covered, e.g. <c>pre-loan</c>; at least one.</summary>
    public IReadOnlyList<string>? Purposes { get; init; }

    /// <summary>Query scopes covered: <c>verify</c>, <c>score</c>; defaults to <c>verify</c>.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>Data categories covered (catalog wire names); defaults to every category the purposes allow.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>When the consent starts; defaults to now.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>When the consent ends; required and capped by policy.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Most queries the consent allows; null for no count limit.</summary>
    public int? MaxQueries { get; init; }
}
