using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Core.Verification;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset;
using DataGateway.Hosting.Problems;
using DataGateway.Node.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Node.Hosting;

/// <summary>
/// <c>POST /internal/v1/verifications</c>: answers the checks of one subject, only for a request
/// that carries a valid gateway ticket for exactly that body (ARCHITECTURE.md invariant 5,
/// "nodes trust tickets, not networks").
/// </summary>
/// <remarks>
/// Steps, in this order so that nothing is read from the store before every check passed:
/// <list type="number">
/// <item>Read the body, at most 64 KiB (413 beyond).</item>
/// <item>Validate the <c>DG-Ticket</c> header: MAC, audience = this node, lifetime, hash of these exact body bytes (401).</item>
/// <item>Refuse a replayed ticket id (401).</item>
/// <item>Parse the body strictly (400); the ticket's kind must be verification and its subject the body's (401).</item>
/// <item>Re-validate every check against the catalogue (400).</item>
/// <item>Look the subject up (404) and answer exactly subject, asOf and one result per check.</item>
/// </list>
/// </remarks>
internal sealed class VerificationEndpoint(
    NodeSettings settings, NodeTicketVerifier tickets, TicketReplayCache replays, IEnterpriseStore store, ILogger<VerificationEndpoint> logger)
{
    public const string Path = "/internal/v1/verifications";
    public const string TicketHeader = "DG-Ticket";
    private const string VerificationKind = "verification";

    private readonly string _asOf = store.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task HandleAsync(HttpContext context)
    {
        var token = context.Request.Headers[TicketHeader].ToString();
        if (token.Length == 0)
        {
            NodeLog.TicketRefused(logger, TicketError.Malformed);
            await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
            return;
        }

        // :: Step 1
        var (buffer, length) = await BoundedBody.ReadAsync(context.Request, context.RequestAborted);
        try
        {
            if (length < 0)
            {
                await Problem.WriteAsync(context, ProblemCodes.PayloadTooLarge);
                return;
            }

            var body = buffer.AsMemory(0, length);

            // :: Step 2 and 3
            var error = tickets.Validate(token, body.Span, settings.Time.GetUtcNow(), settings.TicketSkew, out var ticket);
            if (error == TicketError.None && !replays.TryAdd(ticket!.Id, ticket.ExpiresAt))
            {
                error = TicketError.Replayed;
            }

            if (error != TicketError.None)
            {
                NodeLog.TicketRefused(logger, error);
                await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
                return;
            }

            // :: Step 4
            if (Parse(body.Span) is not { } request)
            {
                NodeLog.RequestRefused(logger, ProblemCodes.InvalidJson.Code);
                await Problem.WriteAsync(context, ProblemCodes.InvalidJson);
                return;
            }

            if (!string.Equals(ticket!.Kind, VerificationKind, StringComparison.Ordinal) ||
                !string.Equals(ticket.Subject, request.Subject, StringComparison.Ordinal))
            {
                NodeLog.TicketDoesNotMatchBody(logger);
                await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
                return;
            }

            await AnswerAsync(context, request);
        }
        finally
        {
            BoundedBody.Return(buffer);
        }
    }

    private async Task AnswerAsync(HttpContext context, NodeVerificationRequest request)
    {
        // :: Step 5
        if (request.Checks.Count == 0)
        {
            await Refuse(context, ProblemCodes.InvalidRequest);
            return;
        }

        foreach (var check in request.Checks)
        {
            var problem = check is null ? ProblemCodes.InvalidRequest : PredicateEvaluator.Validate(check.Predicate, check.Params);
            if (problem is not null)
            {
                await Refuse(context, problem);
                return;
            }
        }

        // :: Step 6
        if (!store.TryGet(request.Subject, out var record))
        {
            await Refuse(context, ProblemCodes.SubjectNotFound);
            return;
        }

        var results = new NodeCheckResult[request.Checks.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var check = request.Checks[i];
            var outcome = PredicateEvaluator.Evaluate(check.Predicate, check.Params, record, store.AsOf);
            results[i] = new NodeCheckResult { Predicate = check.Predicate, Result = outcome.ToWire() };
        }

        var response = new NodeVerificationResponse { Subject = request.Subject, AsOf = _asOf, Results = results };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, NodeJson.Default.NodeVerificationResponse, context.RequestAborted);
    }

    private Task Refuse(HttpContext context, ProblemCode code)
    {
        NodeLog.RequestRefused(logger, code.Code);
        return Problem.WriteAsync(context, code);
    }

    private static NodeVerificationRequest? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, NodeJson.Default.NodeVerificationRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
