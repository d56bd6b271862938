using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Per (institution, subject, model) score limits (RELIABILITY.md P6): a bank that registered unit-vector
/// weights reads at most this many linear combinations of one enterprise's features per period. Its own
/// <see cref="QueryLimiter"/>, keyed <c>model:&lt;id&gt;</c>, so its period never sweeps verification counts.
/// </summary>
internal sealed class ScoreLimiter(TimeProvider time)
{
    private readonly QueryLimiter _counts = new(time);

    /// <summary>Reserves one score; throws 429 <c>query_limit_exceeded</c> with Retry-After at the limit.</summary>
    public void Reserve(string institution, string subject, string modelKey, ModelPolicy policy) =>
        _counts.Reserve(institution, subject, [modelKey], policy.PerSubjectModel, policy.Period);

    /// <summary>Rebuilds the counts from the audit log's allowed scores of the current period, so a restart resets nothing.</summary>
    public async Task RebuildAsync(IAuditLog audit, GatewayPolicy policy, ILogger logger)
    {
        var period = policy.Models.Period;
        long replayed = 0;
        await foreach (var stored in audit.ReadSinceAsync(QueryLimiter.PeriodStart(time.GetUtcNow(), period), CancellationToken.None))
        {
            if (stored.Entry is { Kind: ScorePipeline.AuditKind, Decision: "allowed", Institution: { } institution, Subject: { } subject, Predicates: [{ } model] })
            {
                _counts.Replay(institution, subject, [model], stored.Timestamp, period);
                replayed++;
            }
        }

        GatewayLog.LimitsRebuilt(logger, "Score", replayed);
    }
}
