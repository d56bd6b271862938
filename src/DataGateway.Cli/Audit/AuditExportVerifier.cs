using System.Buffers.Text;
using System.Security.Cryptography;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;

namespace DataGateway.Cli.Audit;

/// <summary>
/// Verifies an audit export offline (docs/audit-export.md) and names the first bad entry. Trusts nothing in the
/// file except what the JWKS key signed: every leaf is recomputed from the exported fields.
/// </summary>
/// <remarks>
/// <code>
/// 1 header: range [from, to), checkpoint size N; seed a Merkle frontier with the left subtrees of [0, from)
/// 2 per entry, in order: index contiguous → leaf recomputed (AuditLeafEncoding) → chain hash equals the
///   recorded one → previous hash equals the previous recomputed one → timestamps never decrease → append leaf
/// 3 no entry missing before `to` (else log_truncated)
/// 4 the checkpoint's Ed25519 signature verifies against the JWKS key (origin, key id, exact bytes)
/// 5 the recomputed root at `to` is consistent with the signed root at N (RFC 9162 consistency proof); if not,
///   and the tree's exported stored leaves are, the first entry whose leaf differs from them is named
/// 6 with a saved checkpoint: its size is not above N, and the recomputed root at its size equals its root
/// </code>
/// Steps 1-3 find tampered, deleted, duplicated or reordered rows; 4-5 tie the entries to the signature; only 6
/// catches a tail truncation or a rewrite re-signed with the operator's key (RELIABILITY.md item 1, A3, A4).
/// </remarks>
internal sealed class AuditExportVerifier(IReadOnlyCollection<NoteVerificationKey> keys, string origin, Checkpoint? saved, Action<long>? progress = null) : IDisposable
{
    /// <summary>How often progress is reported.</summary>
    public const long ProgressInterval = 100_000;

    private readonly IncrementalHash _leafHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <inheritdoc />
    public void Dispose() => _leafHash.Dispose();

    /// <summary>Verifies the export read from <paramref name="export"/>.</summary>
    /// <param name="export">The NDJSON export.</param>
    /// <returns>The verdict.</returns>
    public AuditExportResult Verify(Stream export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var lines = new NdjsonLineReader(export);
        try
        {
            return VerifyLines(lines);
        }
        catch (InvalidDataException e)
        {
            return AuditExportResult.Fail(AuditExportFailure.MalformedExport, e.Message, 0);
        }
    }

    private AuditExportResult VerifyLines(NdjsonLineReader lines)
    {
        // :: Step 1
        if (!lines.TryReadLine(out var first) || ExportFrame.TryReadHeader(first) is not { } header
            || !LeftSubtreeNodes.TryCreate(header.From, header.Hashes, out var left))
        {
            return AuditExportResult.Fail(AuditExportFailure.MalformedExport, "line 1 is not an audit export header.", 0);
        }

        var frontier = MerkleFrontier.Load(left!, header.From);
        // The tree's own stored leaves, as exported: untrusted until their root matches the signed one (step 5).
        var storedFrontier = MerkleFrontier.Load(left!, header.From);
        var storedComplete = true;
        long? firstDivergence = null;
        byte[]? savedRootSeen = saved is not null && saved.TreeSize == header.From ? frontier.Root() : null;

        // :: Step 2
        var index = header.From;
        byte[]? previousHash = header.From == 0 ? AuditLeafEncoding.GenesisHash.ToArray() : null;
        var lastTimestamp = long.MinValue;
        ReadOnlySpan<byte> line;
        while (true)
        {
            if (!lines.TryReadLine(out line))
            {
                return AuditExportResult.Fail(AuditExportFailure.MalformedExport, "the export ends without its checkpoint line (incomplete download?).", index - header.From);
            }

            if (!AuditExportEntryReader.IsEntryLine(line))
            {
                break;
            }

            if (CheckEntry(line, index, header, ref previousHash, ref lastTimestamp, out var leafHash, out var storedLeaf) is { } bad)
            {
                return bad;
            }

            frontier.Append(leafHash!);
            storedComplete &= storedLeaf is not null;
            if (storedLeaf is not null)
            {
                storedFrontier.Append(storedLeaf);
                firstDivergence ??= leafHash.AsSpan().SequenceEqual(storedLeaf) ? null : index;
            }

            index++;
            if (saved is not null && frontier.Size == saved.TreeSize)
            {
                savedRootSeen = frontier.Root();
            }

            if ((index - header.From) % ProgressInterval == 0)
            {
                progress?.Invoke(index - header.From);
            }
        }

        var verified = index - header.From;
        if (ExportFrame.TryReadTrailer(line) is not { } trailer || trailer.From != header.From || trailer.To != header.To
            || trailer.TreeSize != header.TreeSize || lines.TryReadLine(out _))
        {
            return AuditExportResult.Fail(AuditExportFailure.MalformedExport, $"line {lines.LineNumber} is neither an entry nor the matching final checkpoint line.", verified);
        }

        // :: Step 3
        if (index < header.To)
        {
            return AuditExportResult.At(AuditExportFailure.LogTruncated, index, $"the entries stop before {header.To}, the size the export claims to cover.", verified);
        }

        // :: Step 4
        var signature = CheckpointVerifier.Verify(trailer.Note, origin, keys, out var checkpoint);
        if (signature != CheckpointError.None)
        {
            return AuditExportResult.Fail(AuditExportFailure.BadSignature, $"the checkpoint does not verify against the JWKS key ({signature}).", verified);
        }

        if (checkpoint!.TreeSize != header.TreeSize)
        {
            return AuditExportResult.Fail(AuditExportFailure.MalformedExport, "the signed checkpoint's size differs from the export's.", verified);
        }

        // :: Step 5
        if (!ConsistentWithSigned(frontier, header, checkpoint, trailer))
        {
            // The chain was recomputed over a changed entry. If the tree's stored leaves do match the signed root,
            // they are authentic, and the first entry whose recomputed leaf differs is the one that was changed.
            return storedComplete && firstDivergence is { } changed && ConsistentWithSigned(storedFrontier, header, checkpoint, trailer)
                ? AuditExportResult.At(AuditExportFailure.LeafMismatch, changed, "the entry's fields do not match the leaf the signed tree holds (the hash chain after it was recomputed).", verified)
                : AuditExportResult.Fail(AuditExportFailure.RootMismatch, "the recomputed tree does not match the signed root.", verified);
        }

        // :: Step 6
        if (saved is not null)
        {
            if (saved.TreeSize > checkpoint.TreeSize)
            {
                return AuditExportResult.Fail(AuditExportFailure.LogTruncated, $"the saved checkpoint covers {saved.TreeSize} entries, the log now only {checkpoint.TreeSize}.", verified);
            }

            if (savedRootSeen is null)
            {
                return AuditExportResult.Fail(AuditExportFailure.CheckpointNotCovered, $"export a range with from <= {saved.TreeSize} <= to to compare with the saved checkpoint.", verified);
            }

            if (!CryptographicOperations.FixedTimeEquals(savedRootSeen, saved.RootHash))
            {
                return AuditExportResult.Fail(AuditExportFailure.InconsistentWithSavedCheckpoint, $"inconsistent with saved checkpoint: the first {saved.TreeSize} entries are not the ones it signed (history rewritten).", verified);
            }
        }

        return new AuditExportResult(null, null,
            $"ok: entries {header.From}..{header.To - 1} ({verified}) verified against checkpoint size {checkpoint.TreeSize} root {Base64Url.EncodeToString(checkpoint.RootHash)}"
            + (saved is null ? string.Empty : $"; consistent with saved checkpoint size {saved.TreeSize}"), verified);
    }

    // AuditLeafEncoding.LeafHash's SHA-256(0x00 || leaf), on one reused hash object: creating one per leaf
    // cost more than hashing the leaf.
    private byte[] LeafHash(byte[] leaf)
    {
        _leafHash.AppendData([0x00]);
        _leafHash.AppendData(leaf);
        return _leafHash.GetHashAndReset();
    }

    private static AuditExportResult IndexFault(long found, long expected, long verified) => found > expected
        ? AuditExportResult.At(AuditExportFailure.EntryMissing, expected, $"the next entry is {found}.", verified)
        : AuditExportResult.At(AuditExportFailure.EntryOutOfOrder, expected, $"the entry is numbered {found}.", verified);

    private static bool ConsistentWithSigned(MerkleFrontier frontier, ExportFrame header, Checkpoint checkpoint, ExportFrame trailer) =>
        MerkleVerifier.VerifyConsistency(header.To, checkpoint.TreeSize, frontier.Root(), checkpoint.RootHash, trailer.Hashes) == MerkleProofError.None;

    private AuditExportResult? CheckEntry(
        ReadOnlySpan<byte> line, long index, ExportFrame header, ref byte[]? previousHash, ref long lastTimestamp, out byte[]? leafHash, out byte[]? storedLeaf)
    {
        leafHash = null;
        var verified = index - header.From;
        var to = header.To;
        if (!AuditExportEntryReader.TryRead(line, out var row, out storedLeaf))
        {
            // A row the gateway could not read still names its index; a gap before it is the earlier fault.
            return AuditExportEntryReader.TryReadUnreadable(line, out var unreadable) && unreadable != index
                ? IndexFault(unreadable, index, verified)
                : AuditExportResult.At(AuditExportFailure.MalformedEntry, index, "the line is not a well-formed entry (or the stored row cannot be read).", verified);
        }

        if (row!.Index != index)
        {
            return IndexFault(row.Index, index, verified);
        }

        if (index >= to)
        {
            return AuditExportResult.At(AuditExportFailure.MalformedExport, index, $"the export holds more entries than its range ends at ({to}).", verified);
        }

        var timestamp = row.Timestamp.ToUnixTimeMilliseconds();
        try
        {
            leafHash = LeafHash(AuditLeafEncoding.Encode(index, timestamp, row.Entry));
        }
        catch (ArgumentException)
        {
            return AuditExportResult.At(AuditExportFailure.MalformedEntry, index, "a field cannot be encoded (lone surrogate or missing value).", verified);
        }

        var entryHash = AuditLeafEncoding.ChainHash(row.PreviousHash, leafHash);
        if (!entryHash.AsSpan().SequenceEqual(row.EntryHash))
        {
            return AuditExportResult.At(AuditExportFailure.LeafMismatch, index, "the entry's fields do not hash to its recorded entry hash.", verified);
        }

        if (previousHash is not null && !previousHash.AsSpan().SequenceEqual(row.PreviousHash))
        {
            return AuditExportResult.At(AuditExportFailure.ChainBroken, index, "the entry does not link to the entry before it.", verified);
        }

        if (timestamp < lastTimestamp)
        {
            return AuditExportResult.At(AuditExportFailure.TimestampDecreasing, index, "the timestamp is earlier than the previous entry's.", verified);
        }

        previousHash = entryHash;
        lastTimestamp = timestamp;
        return null;
    }
}
