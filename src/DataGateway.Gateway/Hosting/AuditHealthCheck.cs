using DataGateway.Gateway.Auditing;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataGateway.Gateway.Hosting;

/// <summary>
/// Ready only when the audit log can be read (a closed or broken store fails every query anyway) and may back
/// answers: not corrupt (startup self-check) and not stale (checkpoints failing past the grace).
/// </summary>
internal sealed class AuditHealthCheck(IAuditLog log, AuditServingState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Refusal is { } refusal)
        {
            return HealthCheckResult.Unhealthy(refusal.Code);
        }

        try
        {
            await foreach (var _ in log.ReadAsync(Math.Max(0, log.Count - 1), 1, cancellationToken))
            {
                break;
            }

            return HealthCheckResult.Healthy($"{log.Count} entries");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("audit log unreadable");
        }
    }
}
