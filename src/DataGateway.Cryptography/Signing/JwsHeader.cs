namespace DataGateway.Cryptography.Signing;

/// <summary>The protected header members a verified JWS may carry.</summary>
/// <param name="Alg">Always "ES256" for a valid JWS.</param>
/// <param name="Kid">Key id the signature was checked against.</param>
/// <param name="Typ">Media type of the payload (RFC 7515 §4.1.9), if present.</param>
public sealed record JwsHeader(string Alg, string? Kid, string? Typ);
