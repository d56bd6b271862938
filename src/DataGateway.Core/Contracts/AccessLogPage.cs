namespace DataGateway.Core.Contracts;

/// <summary>Body of <c>GET /v1/owners/me/access-log</c>: audited events about the owner's enterprise.</summary>
public sealed record AccessLogPage
{
    /// <summary>Events in log order.</summary>
    public required IReadOnlyList<AccessLogEvent> Items { get; init; }

    /// <summary>Pass as <c>cursor</c> to read the next page; null when this is the last page.</summary>
    public string? NextCursor { get; init; }
}

/// <summary>One audited event: who asked, when, why and the outcome; never a result value.</summary>
public sealed record AccessLogEvent
{
    /// <summary>Position in the audit log.</summary>
    public required long Index { get; init; }

    /// <summary>When the event was committed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The institution involved (the asker, or the grantee of a consent event).</summary>
    public string? Institution { get; init; }

    /// <summary>Role of the actor.</summary>
    public required string Role { get; init; }

    /// <summary>Event kind, e.g. <c>verification</c>, <c>consent.grant</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Declared purpose.</summary>
    public string? Purpose { get; init; }

    /// <summary><c>allowed</c>, <c>denied</c> or <c>failed</c>.</summary>
    public required string Decision { get; init; }

    /// <summary><c>ok</c> or a problem code.</summary>
    public required string Reason { get; init; }

    /// <summary>The consent the decision relied on.</summary>
    public string? ConsentId { get; init; }

    /// <summary>Predicates asked, if any.</summary>
    public required IReadOnlyList<string> Predicates { get; init; }
}
