namespace DataGateway.Cli.Audit;

/// <summary>Stable reasons <c>dg audit verify</c> prints; tests and scripts match on them.</summary>
internal static class AuditExportFailure
{
    /// <summary>Not an export: bad header or trailer, wrong format, unparsable line.</summary>
    public const string MalformedExport = "malformed_export";

    /// <summary>An entry line is not one well-formed entry (or holds text that cannot be encoded).</summary>
    public const string MalformedEntry = "malformed_entry";

    /// <summary>The entry's fields do not hash to its recorded entry hash: a column was changed.</summary>
    public const string LeafMismatch = "leaf_mismatch";

    /// <summary>The entry's previous hash is not the recomputed hash of the entry before it.</summary>
    public const string ChainBroken = "chain_broken";

    /// <summary>The expected index is absent: a row was deleted (or renumbered upwards).</summary>
    public const string EntryMissing = "entry_missing";

    /// <summary>An index repeats or goes backwards: a row was duplicated or reordered.</summary>
    public const string EntryOutOfOrder = "entry_out_of_order";

    /// <summary>A timestamp is earlier than the one before it.</summary>
    public const string TimestampDecreasing = "timestamp_decreasing";

    /// <summary>Entries stop before the size the checkpoint covers, or the log shrank below a saved checkpoint.</summary>
    public const string LogTruncated = "log_truncated";

    /// <summary>The recomputed tree does not match the signed root (the proof tying the range to it fails).</summary>
    public const string RootMismatch = "root_mismatch";

    /// <summary>The checkpoint is not signed by a key in the JWKS, or its signature does not verify.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>The log does not extend a checkpoint the auditor saved earlier: history was rewritten.</summary>
    public const string InconsistentWithSavedCheckpoint = "inconsistent_with_saved_checkpoint";

    /// <summary>The export's range does not include the saved checkpoint's size, so it cannot be compared.</summary>
    public const string CheckpointNotCovered = "checkpoint_not_covered";
}
