using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;
using DataGateway.Gateway.Verification;

namespace DataGateway.Gateway.Attestation;

/// <summary>
/// Signs answers and audit receipts with the gateway's attestation key (ES256, published in
/// the JWKS) so that any third party can check them without trusting the channel.
/// </summary>
internal sealed class Attestor(EcSigningKey key, TimeProvider time)
{
    /// <summary>Signs the answer; the digest (base64url SHA-256 of the signed bytes) goes into the audit entry.</summary>
    public (string Jws, string Digest) Attest(AttestationPayload payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, GatewayJson.Default.AttestationPayload);
        return (CompactJws.Sign(bytes, key, AttestationPayload.JwsType), Base64Url.EncodeToString(SHA256.HashData(bytes)));
    }

    /// <summary>Signs the receipt of a committed audit entry.</summary>
    public AuditReceipt Receipt(long entryIndex, byte[] entryHash, string resultDigest)
    {
        var payload = new ReceiptPayload
        {
            EntryIndex = entryIndex,
            EntryHash = Base64Url.EncodeToString(entryHash),
            SignedAt = time.GetUtcNow(),
            ResultDigest = resultDigest,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, GatewayJson.Default.ReceiptPayload);
        return new AuditReceipt
        {
            EntryIndex = payload.EntryIndex,
            EntryHash = payload.EntryHash,
            SignedAt = payload.SignedAt,
            Signature = CompactJws.Sign(bytes, key, ReceiptPayload.JwsType),
        };
    }
}
