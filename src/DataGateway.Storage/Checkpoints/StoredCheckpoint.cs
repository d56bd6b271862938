namespace DataGateway.Storage.Checkpoints;

/// <summary>A signed tree head the log published: its size, root, the signed note, and when it was signed.</summary>
/// <param name="TreeSize">Number of entries it covers.</param>
/// <param name="RootHash">RFC 9162 root of those entries.</param>
/// <param name="Note">The C2SP signed-note checkpoint text.</param>
/// <param name="SignedAt">When it was signed.</param>
public sealed record StoredCheckpoint(long TreeSize, byte[] RootHash, string Note, DateTimeOffset SignedAt);
