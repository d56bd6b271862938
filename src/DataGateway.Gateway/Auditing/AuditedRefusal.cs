using System.Diagnostics;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Hosting.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Answers a refused request of any route: the refusal is audited first (<see cref="AuditDraft.Refused"/>),
/// then the problem is written. If the log cannot record it, the answer is 503 audit_unavailable instead
/// (fail closed), and none of a node's bytes reach the client.
/// </summary>
internal static class AuditedRefusal
{
    /// <summary>Audits and answers <paramref name="refusal"/>; returns the code actually answered.</summary>
    public static async Task<ProblemCode> WriteAsync(HttpContext context, AuditRecorder audit, AuditDraft draft, AdmissionException refusal, long started)
    {
        var (code, detail, retryAfter) = (refusal.Code, refusal.Detail, refusal.RetryAfter);
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
        return code;
    }

    /// <summary>
    /// Audits and answers a refusal made before any route built its own draft (authentication, authorization, the
    /// owner APIs): the draft is the caller's identity, <paramref name="kind"/> and the policy in force.
    /// </summary>
    public static Task<ProblemCode> WriteAsync(HttpContext context, string kind, AdmissionException refusal, long started)
    {
        var services = context.RequestServices;
        var draft = AuditDraft.Start(context, kind, services.GetRequiredService<PolicyStore>().Current.Version);
        return WriteAsync(context, services.GetRequiredService<AuditRecorder>(), draft, refusal, started);
    }

    /// <summary>Microseconds since a <see cref="Stopwatch.GetTimestamp"/> reading: the latency an audit entry records.</summary>
    public static long MicrosSince(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
}
