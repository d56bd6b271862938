using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Core.Catalog;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Attestation;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Consent;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Policies;
using DataGateway.Hosting.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Verification;

/// <summary>
/// <c>POST /v1/verifications</c>: one signed yes/no answer per check, computed by the node that
/// holds the subject, released only after its audit entry is durable.
/// </summary>
/// <remarks>
/// <code>
/// bank --HTTPS+JWT--> [1 authenticate] -> [2 admit] -> [3 consent] -> [4 limits] -> [5 ticket]
///      -> [6 YARP forward] --> node (checks ticket, computes on raw data, returns result only)
///      -> [7 egress guard] -> [8 attest + audit, durable] -> [9 release]
/// </code>
/// Step 1 runs in the authentication middleware before this handler. Before step 6 an <c>intent</c>
/// entry is made durable, so every query a node sees is in the log even if the gateway dies before
/// the outcome entry. Step 3 reads the consent
/// registry for every query (no cache), so a revocation applies to every query that starts after
/// it (ARCHITECTURE.md invariant 4). Every refusal after step 1 is
/// audited with its problem code before it is answered; if the audit log cannot record a
/// request, the answer is 503 <c>audit_unavailable</c> and nothing is released (fail closed).
/// </remarks>
internal sealed class VerificationPipeline(
    PolicyStore policies,
    VerificationAdmission admission,
    QueryLimiter limiter,
    NodeRouter router,
    NodeCaller nodes,
    ConsentCheck consent,
    Attestor attestor,
    AuditRecorder audit,
    TimeProvider time,
    ILogger<VerificationPipeline> logger)
{
    /// <summary>Largest request body accepted.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The node endpoint.</summary>
    public const string NodePath = "/internal/v1/verifications";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var policy = policies.Current;
        var draft = AuditDraft.Start(context, "verification", policy.Version);
        try
        {
            // :: Step 2 admit: body limit, strict JSON, institution, subject, purpose, predicates, parameters.
            var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
            var request = VerificationAdmission.Parse(body);
            var institution = draft.Institution is { } id && policy.Institutions.TryGetValue(id, out var registered)
                ? registered
                : throw new AdmissionException(ProblemCodes.InstitutionNotRegistered);
            var query = admission.Admit(request, institution, policy);
            draft.Subject = query.Subject.Value;
            draft.Purpose = query.Purpose;
            draft.Predicates = query.Checks.Select(c => c.Definition.Name).ToArray();

            // :: Step 3 consent: an active grant covers institution, purpose, scope and every category read.
            draft.ConsentId = await consent.CheckAsync(
                policy, institution.Id, query.Subject.Value, query.Purpose, ConsentScopes.Verify, CategoriesOf(query));

            // :: Step 4 limits: per (institution, subject, predicate) per period.
            limiter.Reserve(institution.Id, query.Subject.Value, draft.Predicates, policy.Verification.PerSubjectPredicate, policy.Verification.Period);

            // :: Step 5 ticket: bound to the exact node body, the institution, subject and purpose.
            var destination = router.Route(query.Subject.DivisionCode) ?? throw new AdmissionException(ProblemCodes.SubjectNotFound);
            var nodeBody = JsonSerializer.SerializeToUtf8Bytes(ToNodeRequest(query), GatewayJson.Default.NodeVerificationRequest);
            draft.QueryHash = NodeCaller.HashOf(nodeBody);
            draft.Node = destination.Id;

            // :: Step 6 make the intent durable, then forward through YARP to the node that holds the subject.
            // Audit-before-forward (RELIABILITY.md design consequence 1): no node computes for a query
            // the log has not recorded; a log that cannot record fails the request closed here.
            await audit.RecordAsync(draft.Intent(AuditedRefusal.MicrosSince(started)));
            var exchange = await nodes.CallAsync(context, destination, NodePath, nodeBody, new NodeCaller.TicketClaims(
                institution.Id, query.Subject.Value, query.Purpose, "verification", draft.ConsentId));

            // :: Step 7 egress guard: only the result schema for exactly this query passes.
            var nodeResponse = EgressGuard.Check(exchange, query);

            // :: Step 8 attest, then make the audit entry durable.
            var payload = BuildPayload(query, nodeResponse, institution.Id, policy.Version, draft.ConsentId);
            var (attestation, digest) = attestor.Attest(payload);
            var committed = await audit.RecordAsync(draft.Complete("allowed", "ok", digest, AuditedRefusal.MicrosSince(started)));
            var response = new VerificationResponse
            {
                Id = payload.Id,
                Subject = payload.Subject,
                Purpose = payload.Purpose,
                IssuedAt = payload.IssuedAt,
                AsOf = payload.AsOf,
                Results = payload.Results,
                Consent = payload.Consent,
                PolicyVersion = payload.PolicyVersion,
                Attestation = attestation,
                Receipt = attestor.Receipt(committed.Index, committed.EntryHash, digest),
            };

            // :: Step 9 release.
            GatewayMetrics.Verifications.WithLabels("allowed", "ok").Inc();
            GatewayMetrics.VerificationSeconds.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            await JsonBody.WriteAsync(context, response, GatewayJson.Default.VerificationResponse);
        }
        catch (AdmissionException refusal)
        {
            await RefuseAsync(context, draft, refusal, started);
        }
        catch (EgressViolationException violation)
        {
            GatewayLog.EgressViolation(logger, draft.Node ?? "unknown", violation.Reason);
            GatewayMetrics.EgressViolations.WithLabels(draft.Node ?? "unknown").Inc();
            await RefuseAsync(context, draft, new AdmissionException(ProblemCodes.EgressViolation), started);
        }
    }

    private async Task RefuseAsync(HttpContext context, AuditDraft draft, AdmissionException refusal, long started)
    {
        var answered = await AuditedRefusal.WriteAsync(context, audit, draft, refusal, started);
        GatewayMetrics.Verifications.WithLabels(AuditDraft.DecisionFor(answered), answered.Code).Inc();
    }

    private static NodeVerificationRequest ToNodeRequest(AdmittedVerification query) => new()
    {
        Subject = query.Subject.Value,
        Checks = query.Checks.Select(c => new NodeCheck { Predicate = c.Definition.Name, Params = c.NodeParams }).ToArray(),
    };

    private static string[] CategoriesOf(AdmittedVerification query) =>
        query.Checks.Select(c => c.Definition.Category.ToName()).Distinct(StringComparer.Ordinal).ToArray();

    private AttestationPayload BuildPayload(AdmittedVerification query, NodeVerificationResponse node, string institution, string policyVersion, string? consentId)
    {
        var results = new CheckResult[query.Checks.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new CheckResult { Predicate = node.Results[i].Predicate, Params = query.Checks[i].EchoParams, Result = node.Results[i].Result };
        }

        return new AttestationPayload
        {
            Iss = AttestationPayload.GatewayIssuer,
            Id = NewId("vrf_"),
            Institution = institution,
            Subject = query.Subject.Value,
            Purpose = query.Purpose,
            IssuedAt = time.GetUtcNow(),
            AsOf = node.AsOf,
            Results = results,
            Consent = consentId,
            PolicyVersion = policyVersion,
        };
    }

    private static string NewId(string prefix) =>
        prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15));
}
