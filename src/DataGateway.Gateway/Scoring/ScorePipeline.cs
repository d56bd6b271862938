using System.Diagnostics;
using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Core.Scoring;
using DataGateway.Gateway.Attestation;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Consent;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// <c>POST /v1/scores</c>: one encrypted score of one subject with one of the institution's registered
/// models, computed by the node that holds the subject, released only after its audit entry is durable.
/// </summary>
/// <remarks>
/// <code>
/// bank --> [1 authenticate] -> [2 admit: subject, purpose, model] -> [3 consent: scope score, the model's
///      categories] -> [4 limit per (institution, subject, model)] -> [5 ticket bound to the node body, which
///      carries the model and its commitment] -> [6 forward] --> node (recomputes the commitment, scores,
///      re-randomises) -> [7 egress guard: one valid ciphertext under the model's key] -> [8 audit, durable]
///      -> [9 release with receipt]
/// </code>
/// The gateway never sees a weight or a feature value: it holds ciphertexts only the bank can open.
/// </remarks>
internal sealed class ScorePipeline(
    PolicyStore policies,
    ScoreAdmission admission,
    ConsentCheck consent,
    ScoreLimiter limiter,
    NodeRouter router,
    NodeCaller nodes,
    ModelKeys keys,
    AuditRecorder audit,
    Attestor attestor,
    ILogger<ScorePipeline> logger)
{
    /// <summary>The audit kind of a score (allowed entries rebuild the limits at start).</summary>
    public const string AuditKind = "score";

    /// <summary>Largest single-score body.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    /// <summary>The node endpoint.</summary>
    public const string NodePath = "/internal/v1/scores";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var policy = policies.Current;
        var draft = AuditDraft.Start(context, AuditKind, policy.Version);
        try
        {
            // :: Step 2 admit: institution, body, subject, purpose, the institution's own active model.
            var institution = ScoreAdmission.Institution(draft, policy);
            var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
            var request = ScoreAdmission.Parse(body, ScoringJson.Default.ScoreRequest);
            if (request.Subject is null || request.Purpose is null || request.Model is null)
            {
                throw new AdmissionException(ProblemCodes.InvalidRequest, "subject, purpose and model are required.");
            }

            var subject = ScoreAdmission.Subject(request.Subject);
            draft.Subject = subject.Value;
            ScoreAdmission.Purpose(request.Purpose, institution, policy);
            draft.Purpose = request.Purpose;
            var model = await admission.ModelAsync(institution.Id, request.Model);
            var modelKey = ModelService.ModelKey(model.Id);
            draft.Predicates = [modelKey];

            // :: Step 3 consent: scope score, covering every category the model's features read.
            draft.ConsentId = await consent.CheckAsync(
                policy, institution.Id, subject.Value, request.Purpose, ConsentScopes.Score, ModelFeatures.CategoriesOf(model.Features));

            // :: Step 4 limits: per (institution, subject, model) per period.
            limiter.Reserve(institution.Id, subject.Value, modelKey, policy.Models);

            // :: Step 5 ticket: bound to the node body (model, commitment, subject).
            var destination = router.Route(subject.DivisionCode) ?? throw new AdmissionException(ProblemCodes.SubjectNotFound);
            var nodeBody = JsonSerializer.SerializeToUtf8Bytes(
                new NodeScoreRequest { Model = ScoreAdmission.ToNode(model), Subjects = [subject.Value] }, ScoringJson.Default.NodeScoreRequest);
            draft.QueryHash = NodeCaller.HashOf(nodeBody);
            draft.Node = destination.Id;

            // :: Step 6 make the intent durable, then forward (audit-before-forward).
            await audit.RecordAsync(draft.Intent(AuditedRefusal.MicrosSince(started)));
            var exchange = await nodes.CallAsync(context, destination, NodePath, nodeBody, new NodeCaller.TicketClaims(
                institution.Id, subject.Value, request.Purpose, AuditKind, draft.ConsentId));

            // :: Step 7 egress guard.
            var result = ScoreEgressGuard.Check(exchange, [subject.Value], keys.Get(model.N)).Results[0];
            if (result.Ciphertext is not { } ciphertext)
            {
                throw new AdmissionException(ScoreEgressGuard.SubjectProblem(result.Problem)!);
            }

            // :: Step 8 audit, durable, before anything is released.
            var digest = ScoreAdmission.Digest(ciphertext);
            var committed = await audit.RecordAsync(draft.Complete("allowed", "ok", digest, AuditedRefusal.MicrosSince(started)));

            // :: Step 9 release.
            var response = new ScoreResponse
            {
                Id = ScoreAdmission.NewId(),
                Subject = subject.Value,
                Model = model.Id,
                Ciphertext = ciphertext,
                Scale = model.Scale,
                Receipt = attestor.Receipt(committed.Index, committed.EntryHash, digest),
            };
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, response, ScoringJson.Default.ScoreResponse, context.RequestAborted);
        }
        catch (AdmissionException refusal)
        {
            await AuditedRefusal.WriteAsync(context, audit, draft, refusal, started);
        }
        catch (EgressViolationException violation)
        {
            GatewayLog.EgressViolation(logger, draft.Node ?? "unknown", violation.Reason);
            GatewayMetrics.EgressViolations.WithLabels(draft.Node ?? "unknown").Inc();
            await AuditedRefusal.WriteAsync(context, audit, draft, new AdmissionException(ProblemCodes.EgressViolation), started);
        }
    }
}
