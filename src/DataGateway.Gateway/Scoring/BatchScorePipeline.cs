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
using DataGateway.Hosting.Problems;
using DataGateway.Storage.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// <c>POST /v1/scores/batch</c>: the steps of <see cref="ScorePipeline"/> for up to the policy's batch size,
/// with one answer per subject in order: a score with its own receipt, or a problem. Each subject needs its
/// own consent and limit and gets its own audit entry; the admitted subjects go to the node in one request.
/// </summary>
/// <remarks>
/// Whole-request failures (body, purpose, model, too many subjects) are one problem, as for a single score.
/// A node failure or an egress violation refuses the whole batch after auditing every subject's outcome.
/// A batch is one node call: subjects that another node holds than the first admitted one are answered
/// <c>node_unavailable</c> and can be sent in another batch.
/// </remarks>
internal sealed class BatchScorePipeline(
    PolicyStore policies,
    ScoreAdmission admission,
    ConsentCheck consent,
    ScoreLimiter limiter,
    NodeRouter router,
    NodeCaller nodes,
    ModelKeys keys,
    AuditRecorder audit,
    Attestor attestor,
    ILogger<BatchScorePipeline> logger)
{
    /// <summary>Largest batch body: 1,000 subjects are about 21 KB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Largest node answer: 1,000 ciphertexts at 4096 bits are about 1.4 MB.</summary>
    public const int MaxNodeResponseBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var policy = policies.Current;
        var draft = AuditDraft.Start(context, ScorePipeline.AuditKind, policy.Version);
        Subject[]? subjects = null;
        try
        {
            // :: Step 2 admit the request as a whole.
            var institution = ScoreAdmission.Institution(draft, policy);
            var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
            var request = ScoreAdmission.Parse(body, ScoringJson.Default.BatchScoreRequest);
            if (request.Subjects is null || request.Purpose is null || request.Model is null)
            {
                throw new AdmissionException(ProblemCodes.InvalidRequest, "subjects, purpose and model are required.");
            }

            if (request.Subjects.Count == 0 || request.Subjects.Count > policy.Models.MaxBatchSize
                || request.Subjects.Distinct(StringComparer.Ordinal).Count() != request.Subjects.Count)
            {
                throw new AdmissionException(ProblemCodes.TooManySubjects, $"Between 1 and {policy.Models.MaxBatchSize} distinct subjects are allowed.");
            }

            ScoreAdmission.Purpose(request.Purpose, institution, policy);
            draft.Purpose = request.Purpose;
            var model = await admission.ModelAsync(institution.Id, request.Model);
            draft.Predicates = [ModelService.ModelKey(model.Id)];

            // :: Steps 2-4 per subject: subject code, consent, limit, node.
            subjects = new Subject[request.Subjects.Count];
            NodeDestination? destination = null;
            for (var i = 0; i < subjects.Length; i++)
            {
                subjects[i] = await AdmitAsync(context, policy, institution.Id, request.Purpose, model, request.Subjects[i], destination);
                destination ??= subjects[i].Destination;
            }

            var admitted = subjects.Where(s => s.Refusal is null).ToArray();
            if (destination is not null)
            {
                // :: Steps 5-7: one node request for every admitted subject; the ticket names no single subject.
                var nodeBody = JsonSerializer.SerializeToUtf8Bytes(
                    new NodeScoreRequest { Model = ScoreAdmission.ToNode(model), Subjects = admitted.Select(s => s.Draft.Subject!).ToArray() },
                    ScoringJson.Default.NodeScoreRequest);
                foreach (var subject in admitted)
                {
                    (subject.Draft.QueryHash, subject.Draft.Node) = (NodeCaller.HashOf(nodeBody), destination.Id);
                }

                draft.Node = destination.Id;

                // Audit-before-forward: every admitted subject's intent is durable before the node sees any of them.
                await Task.WhenAll(admitted.Select(s => audit.RecordAsync(s.Draft.Intent(AuditedRefusal.MicrosSince(started)))));
                var exchange = await nodes.CallAsync(context, destination, ScorePipeline.NodePath, nodeBody, new NodeCaller.TicketClaims(
                    institution.Id, NodeCaller.NoSubject, request.Purpose, ScorePipeline.AuditKind, null), MaxNodeResponseBytes);
                var results = ScoreEgressGuard.Check(exchange, admitted.Select(s => s.Draft.Subject!).ToArray(), keys.Get(model.N)).Results;
                for (var i = 0; i < admitted.Length; i++)
                {
                    admitted[i].Ciphertext = results[i].Ciphertext;
                    admitted[i].Refusal = results[i].Ciphertext is null ? ScoreEgressGuard.SubjectProblem(results[i].Problem) : null;
                }
            }

            // :: Steps 8-9: every subject's entry durable (group-committed together), then release.
            var items = await Task.WhenAll(subjects.Select(s => RecordAsync(s, model, started)));
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new BatchScoreResponse { Results = items }, ScoringJson.Default.BatchScoreResponse, context.RequestAborted);
        }
        catch (AdmissionException refusal)
        {
            await RefuseAllAsync(context, draft, subjects, refusal, started);
        }
        catch (EgressViolationException violation)
        {
            GatewayLog.EgressViolation(logger, draft.Node ?? "unknown", violation.Reason);
            GatewayMetrics.EgressViolations.WithLabels(draft.Node ?? "unknown").Inc();
            await RefuseAllAsync(context, draft, subjects, new AdmissionException(ProblemCodes.EgressViolation), started);
        }
    }

    private async Task<Subject> AdmitAsync(
        HttpContext context, GatewayPolicy policy, string institution, string purpose, RegisteredModel model, string? text, NodeDestination? batchDestination)
    {
        var draft = AuditDraft.Start(context, ScorePipeline.AuditKind, policy.Version);
        draft.Purpose = purpose;
        draft.Predicates = [ModelService.ModelKey(model.Id)];
        var subject = new Subject(draft, text ?? string.Empty);
        try
        {
            var code = ScoreAdmission.Subject(text);
            draft.Subject = code.Value;
            draft.ConsentId = await consent.CheckAsync(policy, institution, code.Value, purpose, ConsentScopes.Score, ModelFeatures.CategoriesOf(model.Features));
            var destination = router.Route(code.DivisionCode) ?? throw new AdmissionException(ProblemCodes.SubjectNotFound);
            if (batchDestination is not null && destination.Id != batchDestination.Id)
            {
                throw new AdmissionException(ProblemCodes.NodeUnavailable);
            }

            limiter.Reserve(institution, code.Value, ModelService.ModelKey(model.Id), policy.Models);
            subject.Destination = destination;
        }
        catch (AdmissionException refusal)
        {
            subject.Refusal = refusal.Code;
        }

        return subject;
    }

    private async Task<BatchScoreItem> RecordAsync(Subject subject, RegisteredModel model, long started)
    {
        // The answer names each subject as the bank sent it; the log only ever holds valid codes.
        var shown = subject.Requested;
        try
        {
            if (subject.Refusal is { } refusal)
            {
                await audit.RecordAsync(subject.Draft.Refused(refusal, AuditedRefusal.MicrosSince(started)));
                return Failed(shown, refusal);
            }

            var digest = ScoreAdmission.Digest(subject.Ciphertext!);
            var committed = await audit.RecordAsync(subject.Draft.Complete("allowed", "ok", digest, AuditedRefusal.MicrosSince(started)));
            return new BatchScoreItem
            {
                Subject = shown,
                Id = ScoreAdmission.NewId(),
                Model = model.Id,
                Ciphertext = subject.Ciphertext,
                Scale = model.Scale,
                Receipt = attestor.Receipt(committed.Index, committed.EntryHash, digest),
            };
        }
        catch (AdmissionException unavailable)
        {
            return Failed(shown, unavailable.Code); // audit_unavailable: this subject's score is not released
        }
    }

    private async Task RefuseAllAsync(HttpContext context, AuditDraft draft, Subject[]? subjects, AdmissionException refusal, long started)
    {
        if (subjects is null || subjects.Any(s => s is null))
        {
            await AuditedRefusal.WriteAsync(context, audit, draft, refusal, started);
            return;
        }

        // Every subject's outcome is logged: refused ones with their own code, admitted ones with the batch's.
        foreach (var subject in subjects)
        {
            subject.Refusal ??= refusal.Code;
            subject.Ciphertext = null;
        }

        try
        {
            await Task.WhenAll(subjects.Select(s => audit.RecordAsync(
                s.Draft.Refused(s.Refusal!, AuditedRefusal.MicrosSince(started)))));
        }
        catch (AdmissionException unavailable)
        {
            refusal = unavailable;
        }

        context.Features.Set<NodeExchange?>(null);
        context.Response.Clear();
        await Problem.WriteAsync(context, refusal.Code, refusal.Detail, refusal.RetryAfter);
    }

    private static BatchScoreItem Failed(string subject, ProblemCode code) => new()
    {
        Subject = subject,
        Problem = new BatchProblem { Type = code.Type, Title = code.Title, Status = code.Status, Code = code.Code },
    };

    /// <summary>One subject's progress through the batch.</summary>
    private sealed class Subject(AuditDraft draft, string requested)
    {
        public AuditDraft Draft { get; } = draft;

        public string Requested { get; } = requested;

        public NodeDestination? Destination { get; set; }

        public ProblemCode? Refusal { get; set; }

        public string? Ciphertext { get; set; }
    }
}
