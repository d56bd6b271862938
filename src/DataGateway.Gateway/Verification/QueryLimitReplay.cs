using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Policies;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Verification;

/// <summary>Rebuilds the query limiter from the audit log's allowed verifications of the current period.</summary>
internal static class QueryLimitReplay
{
    public static async Task RebuildAsync(IAuditLog audit, QueryLimiter limiter, GatewayPolicy policy, TimeProvider time, ILogger logger)
    {
        var period = policy.Verification.Period;
        var since = QueryLimiter.PeriodStart(time.GetUtcNow(), period);
        long replayed = 0;
        await foreach (var stored in audit.ReadSinceAsync(since, CancellationToken.None))
        {
            var entry = stored.Entry;
            if (entry is { Kind: "verification", Decision: "allowed", Institution: { } institution, Subject: { } subject })
            {
                limiter.Replay(institution, subject, entry.Predicates, stored.Timestamp, period);
                replayed++;
            }
        }

        GatewayLog.LimitsRebuilt(logger, "Verification", replayed);
    }
}
