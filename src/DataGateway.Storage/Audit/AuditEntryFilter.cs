namespace DataGateway.Storage.Audit;

/// <summary>
/// What an auditor asks of the log (API.md <c>GET /v1/audit/entries</c>): every set member must match; unset
/// members match everything. Ranges are half-open: <c>From ≤ x &lt; To</c>.
/// </summary>
public sealed record AuditEntryFilter
{
    /// <summary>The most entries one page may hold.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Earliest timestamp, inclusive.</summary>
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>Latest timestamp, exclusive.</summary>
    public DateTimeOffset? ToTime { get; init; }

    /// <summary>Lowest index, inclusive.</summary>
    public long? FromIndex { get; init; }

    /// <summary>Highest index, exclusive.</summary>
    public long? ToIndex { get; init; }

    /// <summary>Exact institution id.</summary>
    public string? Institution { get; init; }

    /// <summary>Exact subject (USCC).</summary>
    public string? Subject { get; init; }

    /// <summary>Exact kind, e.g. <c>verification</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Exact decision: allowed, denied or failed.</summary>
    public string? Decision { get; init; }

    /// <summary>The cursor: only entries with a higher index are returned (the last index of the previous page).</summary>
    public long? AfterIndex { get; init; }

    /// <summary>Most entries to return, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;
}
