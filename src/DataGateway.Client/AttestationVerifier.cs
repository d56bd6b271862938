using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client;

/// <summary>
/// Checks a verification answer end to end against the gateway's published keys, so that a
/// bank (or anyone it shows the answer to) need not trust the channel (RELIABILITY.md V2).
/// </summary>
/// <remarks>
/// 1. the attestation is an ES256 JWS under a key of the set, with <c>typ</c> dg-attestation+jwt;
/// 2. its payload, issued by <c>datagateway</c>, equals the response field by field, so an
///    attestation replayed from another answer is refused;
/// 3. the receipt is an ES256 JWS of <c>typ</c> dg-receipt+jwt under the same set, its
///    resultDigest is the SHA-256 of exactly these attestation bytes, and its entry index,
///    hash, time, log origin and inclusion deadline equal the response's receipt; the promise
///    (origin and a deadline not before signedAt) must be present. Whether the promise was kept is
///    <see cref="Auditing.ReceiptInclusion"/>'s job, later, with a checkpoint and a proof.
/// </remarks>
public static class AttestationVerifier
{
    /// <summary>JWS <c>typ</c> of an attestation.</summary>
    public const string AttestationType = AttestationPayload.JwsType;

    /// <summary>JWS <c>typ</c> of an audit receipt.</summary>
    public const string ReceiptType = ReceiptPayload.JwsType;

    /// <summary>The <c>iss</c> every attestation carries.</summary>
    public const string Issuer = AttestationPayload.GatewayIssuer;

    /// <summary>Verifies <paramref name="response"/>; never throws on hostile content.</summary>
    /// <param name="response">The answer as received.</param>
    /// <param name="keys">The gateway's JWKS (GET /.well-known/jwks.json), obtained over a trusted channel.</param>
    public static AttestationCheck Verify(VerificationResponse response, JsonWebKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(keys);

        // :: Step 1 the attestation's signature and type.
        if (CompactJws.Verify(response.Attestation, keys, out var payloadBytes, out var header) != JwsStatus.Valid || payloadBytes is null)
        {
            return AttestationCheck.Failure(AttestationFailure.BadSignature);
        }

        if (!string.Equals(header?.Typ, AttestationType, StringComparison.Ordinal))
        {
            return AttestationCheck.Failure(AttestationFailure.WrongType);
        }

        // :: Step 2 the signed content equals the response.
        if (TryRead<AttestationPayload>(payloadBytes) is not { } signed ||
            !string.Equals(signed.Iss, Issuer, StringComparison.Ordinal) ||
            signed.Results is null || signed.Results.Any(result => result is null))
        {
            return AttestationCheck.Failure(AttestationFailure.InvalidPayload);
        }

        if (ResponseComparer.FirstDifference(signed, response) is { } field)
        {
            return AttestationCheck.Failure(AttestationFailure.PayloadMismatch, field);
        }

        // :: Step 3 the receipt covers these exact bytes and matches the response's receipt.
        var receipt = response.Receipt;
        if (receipt is null ||
            CompactJws.Verify(receipt.Signature, keys, out var receiptBytes, out var receiptHeader) != JwsStatus.Valid || receiptBytes is null ||
            !string.Equals(receiptHeader?.Typ, ReceiptType, StringComparison.Ordinal))
        {
            return AttestationCheck.Failure(AttestationFailure.ReceiptBadSignature);
        }

        if (TryRead<ReceiptPayload>(receiptBytes) is not { } signedReceipt)
        {
            return AttestationCheck.Failure(AttestationFailure.ReceiptMismatch, "receipt");
        }

        var digest = Base64Url.EncodeToString(SHA256.HashData(payloadBytes));
        var mismatch =
            !string.Equals(signedReceipt.ResultDigest, digest, StringComparison.Ordinal) ? "resultDigest" :
            signedReceipt.EntryIndex != receipt.EntryIndex ? "entryIndex" :
            !string.Equals(signedReceipt.EntryHash, receipt.EntryHash, StringComparison.Ordinal) ? "entryHash" :
            signedReceipt.SignedAt != receipt.SignedAt ? "signedAt" :
            !string.Equals(signedReceipt.LogOrigin, receipt.LogOrigin, StringComparison.Ordinal) ? "logOrigin" :
            signedReceipt.IncludedBy != receipt.IncludedBy ? "includedBy" :
            // Every receipt promises inclusion by a deadline after it was signed (issue 4, CT's SCT idea).
            string.IsNullOrEmpty(signedReceipt.LogOrigin) ? "logOrigin" :
            signedReceipt.IncludedBy is not { } deadline || deadline < signedReceipt.SignedAt ? "includedBy" :
            null;
        return mismatch is null
            ? AttestationCheck.Success(signed.Institution)
            : AttestationCheck.Failure(AttestationFailure.ReceiptMismatch, mismatch);
    }

    private static T? TryRead<T>(byte[] json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ClientJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
