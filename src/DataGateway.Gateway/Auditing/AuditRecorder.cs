using DataGateway.Core.Problems;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Appends entries and turns an unavailable store into the pipeline's fail-closed refusal.
/// Unlike diagnostics, an audit write that fails fails the request (Serilog's AuditTo idea).
/// </summary>
internal sealed class AuditRecorder(IAuditLog log, ILogger<AuditRecorder> logger)
{
    public async Task<AuditAppendResult> RecordAsync(AuditEntry entry)
    {
        try
        {
            // Not the request's token: once the pipeline decided, the entry is written even if the client left.
            return await log.AppendAsync(entry, CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            GatewayLog.AuditUnavailable(logger, e);
            GatewayMetrics.AuditFailures.Inc();
            throw new AdmissionException(ProblemCodes.AuditUnavailable);
        }
    }
}
