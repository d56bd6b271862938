using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Verification;

namespace DataGateway.Gateway.Attestation;

/// <summary>
/// Signs answers and audit receipts with the gateway's attestation key (ES256, published in
/// the JWKS) so that any third party can check them without trusting the channel.
/// </summary>
/// <remarks>
/// A receipt is also a signed promise (Certificate Transparency's SCT, RFC 9162 §4.8 idea): the entry will be in a
/// checkpoint of log <c>logOrigin</c> signed no later than <c>includedBy</c> = signedAt + the maximum merge delay.
/// The checkpoint scheduler keeps it; an auditor holding the receipt can prove a broken promise.
/// </remarks>
internal sealed class Attestor(EcSigningKey key, TimeProvider time, TimeSpan maxMergeDelay)
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
        // Millisecond precision, so the promise survives any JSON round trip unchanged.
        var signedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = new ReceiptPayload
        {
            EntryIndex = entryIndex,
            EntryHash = Base64Url.EncodeToString(entryHash),
            SignedAt = signedAt,
            ResultDigest = resultDigest,
            LogOrigin = CheckpointPublisher.Origin,
            IncludedBy = signedAt + maxMergeDelay,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, GatewayJson.Default.ReceiptPayload);
        return new AuditReceipt
        {
            EntryIndex = payload.EntryIndex,
            EntryHash = payload.EntryHash,
            SignedAt = payload.SignedAt,
            LogOrigin = payload.LogOrigin,
            IncludedBy = payload.IncludedBy,
            Signature = CompactJws.Sign(bytes, key, ReceiptPayload.JwsType),
        };
    }
}
