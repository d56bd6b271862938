using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Cryptography.Tickets;
using DataGateway.Hosting.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Node.Hosting;

/// <summary>
/// The first steps of every node endpoint: a bounded body, a valid gateway ticket for exactly these
/// body bytes and this node, not replayed, of the endpoint's kind (ARCHITECTURE.md invariant 5,
/// "nodes trust tickets, not networks"). Nothing reads the store before the gate lets a request in.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Read the body, at most <see cref="BoundedBody.MaxBytes"/> (413 beyond).</item>
/// <item>Validate the <c>DG-Ticket</c> header: MAC, audience = this node, lifetime, hash of these exact body bytes (401).</item>
/// <item>Refuse a replayed ticket id (401).</item>
/// <item>Refuse a ticket minted for another kind of query (401).</item>
/// </list>
/// </remarks>
internal sealed class TicketGate(NodeSettings settings, NodeTicketVerifier tickets, TicketReplayCache replays, ILogger<TicketGate> logger)
{
    public const string TicketHeader = "DG-Ticket";

    /// <summary>
    /// Runs the gate, then <paramref name="handler"/> with the validated ticket and the body bytes,
    /// which are valid only until the handler's task completes.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="kind">The ticket kind the endpoint serves.</param>
    /// <param name="handler">The endpoint's work after the gate.</param>
    /// <param name="maxBodyBytes">The endpoint's body limit (the caller raises Kestrel's limit to match when larger).</param>
    public async Task HandleAsync(HttpContext context, string kind, Func<HttpContext, NodeTicket, ReadOnlyMemory<byte>, Task> handler, int maxBodyBytes = BoundedBody.MaxBytes)
    {
        var token = context.Request.Headers[TicketHeader].ToString();
        if (token.Length == 0)
        {
            NodeLog.TicketRefused(logger, TicketError.Malformed);
            await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
            return;
        }

        var (buffer, length) = await BoundedBody.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted);
        try
        {
            if (length < 0)
            {
                await Problem.WriteAsync(context, ProblemCodes.PayloadTooLarge);
                return;
            }

            var body = buffer.AsMemory(0, length);
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

            if (!string.Equals(ticket!.Kind, kind, StringComparison.Ordinal))
            {
                NodeLog.TicketDoesNotMatchBody(logger);
                await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
                return;
            }

            await handler(context, ticket, body);
        }
        finally
        {
            BoundedBody.Return(buffer);
        }
    }
}
