using System.Security.Claims;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Authentication;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// The audit entry of one request, filled in as the pipeline learns more. Only identifiers,
/// codes and digests go in: never result values, parameters or raw data.
/// </summary>
internal sealed class AuditDraft
{
    /// <summary>Header a client may send to correlate its request with the audit entry.</summary>
    public const string ClientRequestIdHeader = "X-Client-Request-Id";

    private const int MaxClientRequestIdLength = 64;

    private AuditDraft(string actor, string role, string? institution, string kind, string policyVersion, string? clientRequestId)
    {
        Actor = actor;
        Role = role;
        Institution = institution;
        Kind = kind;
        PolicyVersion = policyVersion;
        ClientRequestId = clientRequestId;
    }

    public string Actor { get; }

    public string Role { get; }

    /// <summary>The asking institution (from the token); consent events set the grantee instead.</summary>
    public string? Institution { get; set; }

    public string Kind { get; }

    public string PolicyVersion { get; }

    public string? ClientRequestId { get; }

    public string? Subject { get; set; }

    public string? Purpose { get; set; }

    public string? QueryHash { get; set; }

    public string? Node { get; set; }

    public IReadOnlyList<string> Predicates { get; set; } = [];

    /// <summary>The consent grant the decision relied on, once the consent step found one.</summary>
    public string? ConsentId { get; set; }

    public static AuditDraft Start(HttpContext context, string kind, string policyVersion)
    {
        var user = context.User;
        var requestId = context.Request.Headers[ClientRequestIdHeader].ToString();
        return new AuditDraft(
            user.FindFirstValue(Roles.SubjectClaim) ?? "anonymous",
            user.FindFirstValue(Roles.RoleClaim) ?? "none",
            user.FindFirstValue(Roles.InstitutionClaim),
            kind,
            policyVersion,
            requestId.Length is > 0 and <= MaxClientRequestIdLength ? requestId : null);
    }

    /// <summary>The decision of the entry made durable before a node is asked; the outcome follows in a second entry.</summary>
    public const string IntentDecision = "intent";

    /// <summary>
    /// The intent entry (audit-before-forward, RELIABILITY.md design consequence 1): written and
    /// committed before the node call, so no node computes for a query the log has not recorded.
    /// </summary>
    public AuditEntry Intent(long latencyMicros) => Complete(IntentDecision, "forwarding", null, latencyMicros);

    /// <summary>
    /// The decision a refusal is logged under: <c>failed</c> when the gateway or a node could not answer, or the
    /// client left before the answer; <c>denied</c> when the request itself was not allowed.
    /// </summary>
    public static string DecisionFor(ProblemCode code) =>
        code.Status >= 500 || code == ProblemCodes.ClientClosedRequest ? "failed" : "denied";

    /// <summary>The outcome entry of a refused request: its decision and problem code, no result digest.</summary>
    public AuditEntry Refused(ProblemCode code, long latencyMicros) => Complete(DecisionFor(code), code.Code, null, latencyMicros);

    public AuditEntry Complete(string decision, string reason, string? resultDigest, long latencyMicros) => new()
    {
        Actor = Actor,
        Role = Role,
        Institution = Institution,
        Subject = Subject,
        Purpose = Purpose,
        Kind = Kind,
        QueryHash = QueryHash,
        Decision = decision,
        Reason = reason,
        ConsentId = ConsentId,
        PolicyVersion = PolicyVersion,
        ResultDigest = resultDigest,
        Node = Node,
        LatencyMicros = latencyMicros,
        ClientRequestId = ClientRequestId,
        Predicates = Predicates,
    };
}
