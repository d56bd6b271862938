using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Core.Verification;
using DataGateway.Dataset;
using DataGateway.Hosting.Problems;
using DataGateway.Hosting.Responses;
using DataGateway.Node.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Node.Hosting;

/// <summary>
/// <c>POST /internal/v1/verifications</c>: answers the checks of one subject, only for a request
/// that passed the <see cref="TicketGate"/>.
/// </summary>
/// <remarks>
/// After the gate, in this order so that nothing is read from the store before every check passed:
/// parse the body strictly (400); the ticket's subject must be the body's (401); re-validate every
/// check against the catalogue (400); look the subject up (404) and answer exactly subject, asOf and
/// one result per check.
/// </remarks>
internal sealed class VerificationEndpoint(TicketGate gate, IEnterpriseStore store, ILogger<VerificationEndpoint> logger)
{
    public const string Path = "/internal/v1/verifications";
    private const string VerificationKind = "verification";

    private readonly string _asOf = store.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Task HandleAsync(HttpContext context) => gate.HandleAsync(context, VerificationKind, AdmitAsync);

    private async Task AdmitAsync(HttpContext context, NodeTicket ticket, ReadOnlyMemory<byte> body)
    {
        if (Parse(body.Span) is not { } request)
        {
            NodeLog.RequestRefused(logger, ProblemCodes.InvalidJson.Code);
            await Problem.WriteAsync(context, ProblemCodes.InvalidJson);
            return;
        }

        if (!string.Equals(ticket.Subject, request.Subject, StringComparison.Ordinal))
        {
            NodeLog.TicketDoesNotMatchBody(logger);
            await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
            return;
        }

        await AnswerAsync(context, request);
    }

    private async Task AnswerAsync(HttpContext context, NodeVerificationRequest request)
    {
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
        await JsonBody.WriteAsync(context, response, NodeJson.Default.NodeVerificationResponse);
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
