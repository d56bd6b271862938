using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Hosting.Problems;
using DataGateway.Node.Aggregation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Node.Hosting;

/// <summary>
/// <c>POST /internal/v1/aggregates</c>: true counts and clamped sums per non-empty group of public
/// dimensions, only for a request that passed the <see cref="TicketGate"/>. The gateway adds the noise
/// and suppresses small groups; no row and no single value ever leaves.
/// </summary>
/// <remarks>
/// After the gate, in this order so that nothing is read before every rule passed: parse the body
/// strictly (400); the ticket must be a population ticket, subject <c>*</c> (401); re-validate the field,
/// bounds, dimensions and filter values against the catalog (400); compute over the snapshot.
/// </remarks>
internal sealed class AggregateEndpoint(TicketGate gate, AggregateSnapshot snapshot, ILogger<AggregateEndpoint> logger)
{
    public const string Path = "/internal/v1/aggregates";

    /// <summary>The ticket kind the gateway issues for aggregates.</summary>
    public const string AggregateKind = "aggregate";

    /// <summary>The ticket subject of a population query (the gateway's <c>NodeCaller.NoSubject</c>).</summary>
    public const string PopulationSubject = "*";

    private readonly AggregateComputation _computation = new(snapshot);

    public Task HandleAsync(HttpContext context) => gate.HandleAsync(context, AggregateKind, AdmitAsync);

    private async Task AdmitAsync(HttpContext context, NodeTicket ticket, ReadOnlyMemory<byte> body)
    {
        if (Parse(body.Span) is not { } request)
        {
            await Refuse(context, ProblemCodes.InvalidJson);
            return;
        }

        if (!string.Equals(ticket.Subject, PopulationSubject, StringComparison.Ordinal))
        {
            NodeLog.TicketDoesNotMatchBody(logger);
            await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
            return;
        }

        if (AggregateValidator.TryPlan(request, out var plan) is { } problem)
        {
            await Refuse(context, problem);
            return;
        }

        var response = await _computation.RunAsync(plan!);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, NodeJson.Default.NodeAggregateResponse, context.RequestAborted);
    }

    private Task Refuse(HttpContext context, ProblemCode code)
    {
        NodeLog.RequestRefused(logger, code.Code);
        return Problem.WriteAsync(context, code);
    }

    private static NodeAggregateRequest? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, NodeJson.Default.NodeAggregateRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
