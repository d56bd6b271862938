using DataGateway.Hosting.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Refuses every query (verifications, scores, aggregates; model registration too) while <see cref="AuditServingState"/> says the audit log
/// may not back answers: 503 <c>audit_corrupt</c> or <c>audit_anchor_stale</c>, before any pipeline work.
/// </summary>
/// <remarks>
/// One gate in front of all query routes rather than a line in each pipeline, so a new query kind cannot forget it.
/// The refusal is not appended to the log: a log found corrupt must not be extended, and nothing is released.
/// Consent, owner and auditor routes stay open: a data owner can still revoke, an auditor can still investigate.
/// </remarks>
internal static class AuditServingGate
{
    // Queries, plus model registration: each computes on data or changes what computes, and each is audited.
    private static readonly PathString[] QueryPaths = ["/v1/verifications", "/v1/scores", "/v1/aggregates", "/v1/models"];

    /// <summary>Adds the gate; call after authentication and authorization so anonymous callers still get 401.</summary>
    public static IApplicationBuilder UseAuditServingGate(this IApplicationBuilder app)
    {
        var state = app.ApplicationServices.GetRequiredService<AuditServingState>();
        return app.Use(async (context, next) =>
        {
            if (IsQuery(context.Request.Path) && state.Refusal is { } refusal)
            {
                await Problem.WriteAsync(context, refusal);
                return;
            }

            await next(context);
        });
    }

    private static bool IsQuery(PathString path)
    {
        foreach (var query in QueryPaths)
        {
            if (path.StartsWithSegments(query, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
