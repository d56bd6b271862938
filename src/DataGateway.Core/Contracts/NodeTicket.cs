namespace DataGateway.Core.Contracts;

/// <summary>
/// The claims of a node ticket: the gateway's short-lived authorisation for exactly one query
/// (ARCHITECTURE.md invariant 5, "nodes trust tickets, not networks").
/// </summary>
/// <param name="Node">The node the ticket is for (audience).</param>
/// <param name="QueryHash">Base64url SHA-256 of the exact request body bytes.</param>
/// <param name="Institution">The institution that asked.</param>
/// <param name="Subject">The enterprise asked about.</param>
/// <param name="Purpose">The admitted purpose.</param>
/// <param name="Kind">The query kind, e.g. <c>verification</c>.</param>
/// <param name="IssuedAt">When the gateway issued it.</param>
/// <param name="ExpiresAt">After this instant the node refuses it.</param>
/// <param name="Id">A unique id so that a node can refuse replays.</param>
/// <param name="Consent">The consent grant that allowed the query, when its purpose needs one.</param>
public sealed record NodeTicket(
    string Node,
    string QueryHash,
    string Institution,
    string Subject,
    string Purpose,
    string Kind,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string Id,
    string? Consent = null);
