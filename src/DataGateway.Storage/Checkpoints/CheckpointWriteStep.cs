namespace DataGateway.Storage.Checkpoints;

/// <summary>
/// The steps of writing one checkpoint, in order. Crash tests stop the process at each (RELIABILITY.md C2): the
/// stored history must afterwards hold the old checkpoint or the new one, never a torn one.
/// </summary>
public enum CheckpointWriteStep
{
    /// <summary>The note is signed; nothing is written yet.</summary>
    Signed,

    /// <summary>The row is inserted inside the open transaction; not yet committed.</summary>
    Stored,

    /// <summary>The transaction committed; the checkpoint is not yet published to callers.</summary>
    Committed,
}
