namespace DataGateway.Client.Auditing;

/// <summary>Why <see cref="ReceiptInclusion.Verify"/> refused: stable codes for <see cref="ReceiptInclusionCheck.Reason"/>.</summary>
public static class ReceiptInclusionFailure
{
    /// <summary>The receipt JWS does not verify under the keys, or has the wrong type.</summary>
    public const string ReceiptBadSignature = "receipt_bad_signature";

    /// <summary>The signed receipt carries no inclusion promise (origin and deadline).</summary>
    public const string NoPromise = "no_promise";

    /// <summary>The checkpoint does not verify under the log keys for the receipt's origin.</summary>
    public const string CheckpointInvalid = "checkpoint_invalid";

    /// <summary>The checkpoint is older than the entry and was signed before the deadline: ask for a later one.</summary>
    public const string NotYetCovered = "not_yet_covered";

    /// <summary>
    /// Evidence of misbehaviour: a genuine checkpoint signed at or after the receipt's deadline does not contain the
    /// entry, so the log broke the promise it signed.
    /// </summary>
    public const string PromiseBroken = "promise_broken";

    /// <summary>The leaf and previous hash given do not chain to the receipt's entry hash.</summary>
    public const string EntryMismatch = "entry_mismatch";

    /// <summary>The inclusion proof does not lead from the leaf to the checkpoint's root.</summary>
    public const string InclusionInvalid = "inclusion_invalid";
}
