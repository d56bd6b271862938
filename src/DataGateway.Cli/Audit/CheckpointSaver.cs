using System.Buffers.Text;
using System.Globalization;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Merkle;

namespace DataGateway.Cli.Audit;

/// <summary>
/// <c>dg audit checkpoint save</c>: fetches the tree head, verifies its signature, and keeps it, but never
/// replaces a saved checkpoint with one the log cannot prove extends it (RFC 9162 consistency proof): an auditor's
/// saved checkpoint is what later exposes truncation and rewrites (RELIABILITY.md item 1).
/// </summary>
internal static class CheckpointSaver
{
    /// <summary>Saves the gateway's current checkpoint to <paramref name="path"/>.</summary>
    /// <returns>A sentence saying what was saved.</returns>
    /// <exception cref="InvalidDataException">The checkpoint does not verify, or it is inconsistent with the saved one (nothing is written).</exception>
    public static async Task<string> SaveAsync(HttpClient http, string token, IReadOnlyCollection<NoteVerificationKey> keys, string origin, string path, CancellationToken ct)
    {
        string note;
        using (var head = await AuditHttp.GetJsonAsync(http, token, "v1/audit/tree-head", ct))
        {
            note = head.RootElement.TryGetProperty("checkpoint", out var c) && c.GetString() is { } n ? n : throw new InvalidDataException("The tree head carries no checkpoint.");
        }

        var error = CheckpointVerifier.Verify(note, origin, keys, out var current);
        if (error != CheckpointError.None)
        {
            throw new InvalidDataException($"{AuditExportFailure.BadSignature}: the gateway's checkpoint does not verify ({error}); nothing saved.");
        }

        var relation = "first checkpoint saved";
        if (File.Exists(path))
        {
            var (old, _) = AuditKeys.ReadSaved(path, origin, keys);
            await RequireExtendsAsync(http, token, old, current!, ct);
            relation = $"consistent with the previous one of size {old.TreeSize}";
        }

        // Write then rename, so a crash leaves the old checkpoint or the new one, never half of one.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, note, ct);
        File.Move(temporary, path, overwrite: true);
        return string.Create(CultureInfo.InvariantCulture, $"saved checkpoint size {current!.TreeSize} root {Base64Url.EncodeToString(current.RootHash)} to {path} ({relation})");
    }

    private static async Task RequireExtendsAsync(HttpClient http, string token, Checkpoint old, Checkpoint current, CancellationToken ct)
    {
        if (old.TreeSize > current.TreeSize)
        {
            throw new InvalidDataException($"{AuditExportFailure.LogTruncated}: the saved checkpoint covers {old.TreeSize} entries, the gateway's only {current.TreeSize}; the saved one is kept.");
        }

        var path = new List<byte[]>();
        if (old.TreeSize > 0 && old.TreeSize < current.TreeSize)
        {
            using var proof = await AuditHttp.GetJsonAsync(http, token, string.Create(CultureInfo.InvariantCulture, $"v1/audit/proofs/consistency?first={old.TreeSize}&second={current.TreeSize}"), ct);
            foreach (var element in proof.RootElement.GetProperty("path").EnumerateArray())
            {
                path.Add(Base64Url.DecodeFromChars(element.GetString()));
            }
        }

        if (MerkleVerifier.VerifyConsistency(old.TreeSize, current.TreeSize, old.RootHash, current.RootHash, path) != MerkleProofError.None)
        {
            throw new InvalidDataException($"{AuditExportFailure.InconsistentWithSavedCheckpoint}: inconsistent with saved checkpoint of size {old.TreeSize} (history rewritten); the saved one is kept.");
        }
    }
}
