using System.Diagnostics;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Verification;
using DataGateway.Hosting.Problems;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Answers a refused model or score request: audited first (denied, or failed for 5xx) like every
/// verification refusal, then the problem. If the log cannot record it the answer is 503 audit_unavailable.
/// </summary>
internal static class ScoringRefusal
{
    public static async Task WriteAsync(HttpContext context, AuditRecorder audit, AuditDraft draft, AdmissionException refusal, long started)
    {
        var code = refusal.Code;
        var detail = refusal.Detail;
        var retryAfter = refusal.RetryAfter;
        if (code != ProblemCodes.AuditUnavailable)
        {
            try
            {
                await audit.RecordAsync(draft.Refused(code, MicrosSince(started)));
            }
            catch (AdmissionException unavailable)
            {
                (code, detail, retryAfter) = (unavailable.Code, null, null);
            }
        }

        context.Features.Set<NodeExchange?>(null);
        context.Response.Clear();
        await Problem.WriteAsync(context, code, detail, retryAfter);
    }

    public static long MicrosSince(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
}
