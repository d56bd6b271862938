namespace DataGateway.Cryptography.Checkpoints;

/// <summary>
/// The last head the signer signed. The caller persists it (atomically, with the checkpoint) and passes it back,
/// so the monotonicity guard survives restarts (RELIABILITY.md A4, C2).
/// </summary>
/// <param name="TreeSize">The last signed size.</param>
/// <param name="RootHash">The last signed root.</param>
/// <param name="SignedAt">The last signed timestamp, if known: the next one is never earlier (RELIABILITY.md G12).</param>
public sealed record CheckpointSignerState(long TreeSize, byte[] RootHash, DateTimeOffset? SignedAt = null);
