namespace DataGateway.Cryptography.Checkpoints;

/// <summary>
/// Verifies a signed checkpoint against trusted keys and the expected origin. Never throws: every input, however
/// hostile, gets a <see cref="CheckpointError"/> (RELIABILITY.md A7).
/// </summary>
/// <remarks>
/// Order matters: the signature is checked over the exact note text before any of the body is believed
/// (c2sp.org/signed-note: "The text MUST be ignored unless the note is signed by a trusted key"). A signature
/// line whose name and key id both match a trusted key must verify, or the whole note is refused; lines from
/// other keys are ignored, as the spec requires (witness cosignatures, key rotation).
/// </remarks>
public static class CheckpointVerifier
{
    /// <summary>Verifies <paramref name="note"/>, returning the checkpoint only if it verified.</summary>
    /// <param name="note">The signed note text.</param>
    /// <param name="origin">The origin this log must have.</param>
    /// <param name="trustedKeys">The log's public keys (more than one during rotation).</param>
    /// <param name="checkpoint">The checkpoint, or null when refused.</param>
    /// <returns><see cref="CheckpointError.None"/> if it verified.</returns>
    public static CheckpointError Verify(string? note, string origin, IReadOnlyCollection<NoteVerificationKey> trustedKeys, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        if (string.IsNullOrEmpty(origin) || trustedKeys is null)
        {
            return CheckpointError.UnknownKey;
        }

        var parsed = SignedNote.TryParse(note, out var text, out var signatures);
        if (parsed != CheckpointError.None)
        {
            return parsed;
        }

        var message = System.Text.Encoding.UTF8.GetBytes(text);
        var verified = 0;
        foreach (var signature in signatures)
        {
            foreach (var key in trustedKeys)
            {
                if (key is null || key.KeyId != signature.KeyId || !string.Equals(key.Name, signature.KeyName, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!key.Verify(message, signature.Signature))
                {
                    return CheckpointError.SignatureInvalid;
                }

                verified++;
            }
        }

        if (verified == 0)
        {
            return CheckpointError.UnknownKey;
        }

        return Checkpoint.TryParseBody(text, origin, out checkpoint);
    }

    /// <summary>Verifies a note read as bytes (strict UTF-8).</summary>
    /// <param name="note">The note's UTF-8 bytes.</param>
    /// <param name="origin">The origin this log must have.</param>
    /// <param name="trustedKeys">The log's public keys.</param>
    /// <param name="checkpoint">The checkpoint, or null when refused.</param>
    /// <returns><see cref="CheckpointError.None"/> if it verified.</returns>
    public static CheckpointError Verify(ReadOnlySpan<byte> note, string origin, IReadOnlyCollection<NoteVerificationKey> trustedKeys, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        return SignedNote.TryDecodeUtf8(note, out var text) ? Verify(text, origin, trustedKeys, out checkpoint) : CheckpointError.Malformed;
    }
}
