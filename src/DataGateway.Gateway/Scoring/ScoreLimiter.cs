using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Score limits (RELIABILITY.md P6): per (institution, subject, model), and per (institution, subject) across all
/// its models. A bank that registered unit-vector weights reads at most this many linear combinations of one
/// enterprise's features per period, however many models it spreads them over. Its own
/// <see cref="QueryLimiter"/>s, keyed <c>model:&lt;id&gt;</c> and <see cref="AnyModel"/>, so their period never
/// sweeps verification counts.
/// </summary>
internal sealed class ScoreLimiter(TimeProvider time)
{
    /// <summary>The key of the count across every model of the institution.</summary>
    private const string AnyModel = "model:*";

    private readonly QueryLimiter _perModel = new(time);
    private readonly QueryLimiter _acrossModels = new(time);

    /// <summary>Reserves one score under both limits, or neither; throws 429 <c>query_limit_exceeded</c> with Retry-After at either.</summary>
    public void Reserve(string institution, string subject, string modelKey, ModelPolicy policy)
    {
        _acrossModels.Reserve(institution, subject, [AnyModel], policy.PerSubject, policy.Period);
        try
        {
            _perModel.Reserve(institution, subject, [modelKey], policy.PerSubjectModel, policy.Period);
        }
        catch (AdmissionException)
        {
            _acrossModels.Release(institution, subject, [AnyModel], policy.Period);
            throw;
        }
    }

    /// <summary>Rebuilds the counts from the audit log's allowed scores of the current period, so a restart resets nothing.</summary>
    public async Task RebuildAsync(IAuditLog audit, GatewayPolicy policy, ILogger logger)
    {
        var period = policy.Models.Period;
        long replayed = 0;
        await foreach (var stored in audit.ReadSinceAsync(QueryLimiter.PeriodStart(time.GetUtcNow(), period), CancellationToken.None))
        {
            if (stored.Entry is { Kind: ScorePipeline.AuditKind, Decision: "allowed", Institution: { } institution, Subject: { } subject, Predicates: [{ } model] })
            {
                _perModel.Replay(institution, subject, [model], stored.Timestamp, period);
                _acrossModels.Replay(institution, subject, [AnyModel], stored.Timestamp, period);
                replayed++;
            }
        }

        GatewayLog.LimitsRebuilt(logger, "Score", replayed);
    }
}
