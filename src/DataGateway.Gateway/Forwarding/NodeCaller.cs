using System.Net;
using System.Security.Cryptography;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Cryptography.Tickets;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace DataGateway.Gateway.Forwarding;

/// <summary>
/// Steps 5 and 6 of every query kind: a ticket bound to the exact node body, then YARP's forwarder
/// to the node. The node's answer is captured in the returned <see cref="NodeExchange"/> for the
/// route's egress guard; nothing of it reaches the client here.
/// </summary>
internal sealed class NodeCaller(IHttpForwarder forwarder, NodeTicketCodec tickets, TimeProvider time, NodeCallLimits limits, ILogger<NodeCaller> logger)
{
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(30);

    // YARP's activity timeout is an idle timeout: a node trickling its body a byte at a time would never trip it,
    // so every call also runs under a deadline for the whole exchange (RELIABILITY.md G10 "slow body").
    private readonly ForwarderRequestConfig _requestConfig = new()
    {
        ActivityTimeout = limits.Timeout,
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    /// <summary>What a ticket says about the query besides its body hash and node.</summary>
    /// <param name="Institution">The asking institution.</param>
    /// <param name="Subject">The enterprise asked about, or <see cref="NoSubject"/> for population queries.</param>
    /// <param name="Purpose">The admitted purpose.</param>
    /// <param name="Kind">The query kind the node endpoint expects.</param>
    /// <param name="Consent">The consent grant relied on, if any.</param>
    public sealed record TicketClaims(string Institution, string Subject, string Purpose, string Kind, string? Consent);

    /// <summary>The ticket subject of a query about no single enterprise (aggregates, batches).</summary>
    public const string NoSubject = "*";

    /// <summary>The base64url SHA-256 the ticket binds, for the audit entry's query hash.</summary>
    public static string HashOf(byte[] nodeBody) => NodeTicketCodec.HashQuery(nodeBody);

    /// <summary>
    /// Sends <paramref name="nodeBody"/> to <paramref name="path"/> on <paramref name="destination"/>
    /// with a fresh ticket. A transport failure is <c>503 node_unavailable</c>, a node that has not answered in full
    /// within <see cref="NodeCallLimits.Timeout"/> is <c>504 node_timeout</c>; a call cut short because the
    /// client left is <c>client_closed_request</c>, for the audit outcome (there is nobody to answer).
    /// </summary>
    /// <remarks>
    /// Uses the request's <see cref="HttpContext"/> as YARP's carrier (its body is replaced by the node
    /// body): call it once per client request.
    /// </remarks>
    public async Task<NodeExchange> CallAsync(
        HttpContext context, NodeDestination destination, string path, byte[] nodeBody, TicketClaims claims, int maxResponseBytes = NodeExchange.MaxResponseBytes)
    {
        var now = time.GetUtcNow();
        var ticket = tickets.Issue(new NodeTicket(
            destination.Id, HashOf(nodeBody), claims.Institution, claims.Subject, claims.Purpose, claims.Kind,
            now, now + TicketLifetime, NewTicketId(), claims.Consent));

        var exchange = new NodeExchange(path, nodeBody, ticket, maxResponseBytes);
        NodeTransformer.PrepareRequest(context, exchange);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(limits.Timeout);
        var error = await forwarder.SendAsync(context, destination.Address, destination.Client, _requestConfig, NodeTransformer.Instance, deadline.Token);
        if (error != ForwarderError.None && context.RequestAborted.IsCancellationRequested)
        {
            // The client left and YARP cancelled the node call: the node is fine, and an operator paged for
            // "node unavailable" on every impatient client would learn to ignore the page.
            GatewayLog.ClientClosedRequest(logger, destination.Id);
            throw new AdmissionException(ProblemCodes.ClientClosedRequest);
        }

        if (error != ForwarderError.None && (deadline.IsCancellationRequested || error == ForwarderError.RequestTimedOut))
        {
            GatewayLog.NodeTimedOut(logger, destination.Id, limits.Timeout);
            throw new AdmissionException(ProblemCodes.NodeTimeout);
        }

        if (error != ForwarderError.None)
        {
            GatewayLog.NodeUnavailable(logger, destination.Id, error.ToString());
            throw new AdmissionException(ProblemCodes.NodeUnavailable);
        }

        return exchange;
    }

    private static string NewTicketId() =>
        "tkt_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15));
}
