using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Consent;

namespace DataGateway.Gateway.Consent;

/// <summary>
/// Renders grants for the API and signs consent receipts with the attestation key, so the JWKS
/// that verifies answers also verifies receipts (typ <see cref="ConsentView.ReceiptType"/>).
/// </summary>
internal sealed class ConsentReceipts(EcSigningKey key, TimeProvider time)
{
    public ConsentView View(ConsentGrant grant) => new()
    {
        Id = grant.Id,
        Subject = grant.Subject,
        Institution = grant.Institution,
        Purposes = grant.Purposes,
        Scopes = grant.Scopes,
        Categories = grant.Categories,
        ValidFrom = grant.ValidFrom,
        ExpiresAt = grant.ExpiresAt,
        MaxQueries = grant.MaxQueries,
        GrantedBy = grant.GrantedBy,
        GrantedAt = grant.GrantedAt,
        RevokedAt = grant.RevokedAt,
        RevokedBy = grant.RevokedBy,
        RevokeReason = grant.RevokeReason,
        Status = grant.StatusAt(time.GetUtcNow()).ToString().ToLowerInvariant(),
    };

    /// <summary>The view with its receipt: a JWS over the view's own JSON without the receipt member.</summary>
    public ConsentView WithReceipt(ConsentGrant grant)
    {
        var view = View(grant);
        var payload = JsonSerializer.SerializeToUtf8Bytes(view, GatewayJson.Default.ConsentView);
        return view with { Receipt = CompactJws.Sign(payload, key, ConsentView.ReceiptType) };
    }
}
