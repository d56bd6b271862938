namespace DataGateway.Gateway.Auditing;

/// <summary>
/// How often the audit log is checkpointed, what receipts promise, and how long the gateway serves while it cannot
/// checkpoint. Bound from configuration section <c>Audit:Checkpoints</c> (e.g. <c>Audit__Checkpoints__Interval</c>).
/// </summary>
internal sealed class CheckpointOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Audit:Checkpoints";

    /// <summary>
    /// How often a new checkpoint is signed when the log grew. One second keeps the gap between an answer and its
    /// signed tree head short at the cost of one small SQLite write per second under load.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The maximum merge delay promised in every receipt (CT's MMD, RFC 9162 §4.4 idea): the entry is in a signed
    /// checkpoint by <c>signedAt + MaxMergeDelay</c>. The interval plus a margin for a slow or retried signing.
    /// </summary>
    public TimeSpan MaxMergeDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long checkpoint signing may keep failing before queries are refused with <c>audit_anchor_stale</c>
    /// (RELIABILITY.md A10, X-Road's time-stamping rule; X-Road defaults to hours, one hour here).
    /// </summary>
    public TimeSpan FailureGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many entries before the last checkpoint the startup self-check re-hashes (plus all after it).</summary>
    public int SelfCheckWindow { get; set; } = 10_000;
}
