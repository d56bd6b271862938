using System.Security.Cryptography;

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>
/// Signs checkpoints with the log's Ed25519 key, refusing any head inconsistent with the last one it signed:
/// a smaller size, or the same size with another root (c2sp.org/tlog-checkpoint "Signatures"; RELIABILITY.md A4).
/// </summary>
/// <remarks>
/// Only size and root are compared: proving that a larger head extends the last one takes a consistency proof
/// over the stored tree, which the caller runs before asking for a signature. The guard here is the last line:
/// it holds even if that caller is wrong.
/// </remarks>
public sealed class CheckpointSigner
{
    private readonly NoteSigningKey _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a signer.</summary>
    /// <param name="key">The log's signing key; its name should equal the origin.</param>
    /// <param name="origin">The log's origin line; defaults to the key name.</param>
    /// <param name="time">Clock for the signed timestamp.</param>
    /// <exception cref="ArgumentException">The origin is empty or holds control characters.</exception>
    public CheckpointSigner(NoteSigningKey key, string? origin, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        origin ??= key.Name;
        if (origin.Length == 0 || origin.Contains('\n', StringComparison.Ordinal) || !SignedNote.IsValidText(origin + "\n"))
        {
            throw new ArgumentException("The origin must be one non-empty line without control characters.", nameof(origin));
        }

        _key = key;
        _time = time;
        Origin = origin;
    }

    /// <summary>The origin written in every checkpoint.</summary>
    public string Origin { get; }

    /// <summary>Signs the head (<paramref name="treeSize"/>, <paramref name="rootHash"/>) if it does not contradict <paramref name="previous"/>.</summary>
    /// <param name="previous">The persisted state of the last signature, or null if this log never signed.</param>
    /// <param name="treeSize">The tree size.</param>
    /// <param name="rootHash">The 32-byte root at that size.</param>
    /// <returns>The signed note and new state, or the refusal.</returns>
    /// <exception cref="ArgumentException">The size is negative or the root is not 32 bytes.</exception>
    public CheckpointSignResult Sign(CheckpointSignerState? previous, long treeSize, ReadOnlySpan<byte> rootHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != Checkpoint.RootHashSizeInBytes)
        {
            throw new ArgumentException($"The root hash must be {Checkpoint.RootHashSizeInBytes} bytes.", nameof(rootHash));
        }

        if (previous is not null)
        {
            if (treeSize < previous.TreeSize)
            {
                return new CheckpointSignResult(CheckpointSignError.SizeRegressed, null, null, previous);
            }

            if (treeSize == previous.TreeSize && !CryptographicOperations.FixedTimeEquals(rootHash, previous.RootHash))
            {
                return new CheckpointSignResult(CheckpointSignError.Equivocation, null, null, previous);
            }
        }

        // A clock stepped back (NTP, a VM restore) must not make a later head look older than an earlier one:
        // the timestamp is then the last one plus a millisecond.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        if (previous?.SignedAt is { } last && now <= last)
        {
            now = last.AddMilliseconds(1);
        }

        var checkpoint = new Checkpoint(Origin, treeSize, rootHash.ToArray(), now);
        var note = _key.Sign(checkpoint.FormatBody());
        return new CheckpointSignResult(CheckpointSignError.None, note, checkpoint, new CheckpointSignerState(treeSize, rootHash.ToArray(), now));
    }
}
