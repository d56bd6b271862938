namespace DataGateway.Cryptography.Checkpoints;

/// <summary>What <see cref="CheckpointSigner.Sign"/> returns.</summary>
/// <param name="Error">Why it refused, or <see cref="CheckpointSignError.None"/>.</param>
/// <param name="Note">The signed note when signed.</param>
/// <param name="Checkpoint">The signed checkpoint when signed.</param>
/// <param name="State">The state to persist when signed; the previous state when refused.</param>
public sealed record CheckpointSignResult(CheckpointSignError Error, string? Note, Checkpoint? Checkpoint, CheckpointSignerState? State)
{
    /// <summary>True when a checkpoint was signed.</summary>
    public bool Signed => Error == CheckpointSignError.None;
}
