using System.Buffers.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Merkle;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client.Auditing;

/// <summary>
/// Checks that a receipt's promise was kept: its entry is in a later signed checkpoint (RFC 9162 inclusion proof),
/// and whether that checkpoint was signed before the promised deadline (CT's SCT / MMD idea).
/// </summary>
/// <remarks>
/// <code>
/// 1 the receipt JWS verifies under the gateway's keys; only its signed payload is believed
/// 2 the payload carries the promise: log origin and includedBy
/// 3 the checkpoint verifies under the log's Ed25519 key for that origin
/// 4 the checkpoint covers the entry's index (else: too early, or evidence of a broken promise)
/// 5 SHA-256(0x02 || previousHash || leafHash) is the signed entryHash, binding the leaf to the receipt
/// 6 the inclusion proof leads from the leaf to the checkpoint's root
/// </code>
/// The leaf hash and path come from <c>GET /v1/audit/proofs/inclusion</c>; the previous hash is the entry's
/// <c>prevHash</c> in <c>GET /v1/audit/entries</c> or an export.
/// </remarks>
public static class ReceiptInclusion
{
    /// <summary>Verifies the receipt's inclusion in <paramref name="checkpointNote"/>; never throws on hostile input.</summary>
    /// <param name="receipt">The receipt as received with an answer.</param>
    /// <param name="keys">The gateway's JWKS (receipts are signed with the attestation key).</param>
    /// <param name="checkpointNote">A C2SP signed checkpoint from <c>GET /v1/audit/tree-head</c>.</param>
    /// <param name="checkpointKeys">The log's Ed25519 note keys.</param>
    /// <param name="leafHash">The entry's RFC 9162 leaf hash.</param>
    /// <param name="previousHash">The previous entry's chain hash (32 zero bytes for entry 0).</param>
    /// <param name="inclusionPath">The audit path from the leaf to the checkpoint's root.</param>
    /// <returns>The outcome.</returns>
    public static ReceiptInclusionCheck Verify(
        AuditReceipt receipt,
        JsonWebKeySet keys,
        string checkpointNote,
        IReadOnlyCollection<NoteVerificationKey> checkpointKeys,
        ReadOnlySpan<byte> leafHash,
        ReadOnlySpan<byte> previousHash,
        IReadOnlyList<byte[]> inclusionPath)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(checkpointKeys);

        // :: Step 1-2 the signed receipt and its promise.
        if (CompactJws.Verify(receipt.Signature, keys, out var bytes, out var header) != JwsStatus.Valid || bytes is null
            || !string.Equals(header?.Typ, ReceiptPayload.JwsType, StringComparison.Ordinal))
        {
            return ReceiptInclusionCheck.Failure(ReceiptInclusionFailure.ReceiptBadSignature);
        }

        var signed = TryRead(bytes);
        if (signed is null || string.IsNullOrEmpty(signed.LogOrigin) || signed.IncludedBy is not { } deadline)
        {
            return ReceiptInclusionCheck.Failure(ReceiptInclusionFailure.NoPromise);
        }

        // :: Step 3 the checkpoint.
        if (CheckpointVerifier.Verify(checkpointNote, signed.LogOrigin, checkpointKeys, out var checkpoint) != CheckpointError.None
            || checkpoint!.Timestamp is not { } signedAt)
        {
            return ReceiptInclusionCheck.Failure(ReceiptInclusionFailure.CheckpointInvalid);
        }

        // :: Step 4 coverage.
        if (checkpoint.TreeSize <= signed.EntryIndex)
        {
            return ReceiptInclusionCheck.Failure(signedAt >= deadline ? ReceiptInclusionFailure.PromiseBroken : ReceiptInclusionFailure.NotYetCovered);
        }

        // :: Step 5 the leaf belongs to this receipt.
        if (previousHash.Length != MerkleHash.HashSizeInBytes || leafHash.Length != MerkleHash.HashSizeInBytes
            || !Base64Url.IsValid(signed.EntryHash)
            || !MerkleHash.Chain(previousHash, leafHash).AsSpan().SequenceEqual(Base64Url.DecodeFromChars(signed.EntryHash)))
        {
            return ReceiptInclusionCheck.Failure(ReceiptInclusionFailure.EntryMismatch);
        }

        // :: Step 6 the proof.
        return MerkleVerifier.VerifyInclusion(signed.EntryIndex, checkpoint.TreeSize, leafHash, inclusionPath, checkpoint.RootHash) == MerkleProofError.None
            ? new ReceiptInclusionCheck(true, null, signedAt <= deadline)
            : ReceiptInclusionCheck.Failure(ReceiptInclusionFailure.InclusionInvalid);
    }

    private static ReceiptPayload? TryRead(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReceiptPayload>(json, ClientJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
