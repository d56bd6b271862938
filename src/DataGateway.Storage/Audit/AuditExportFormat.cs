using System.Buffers.Text;
using System.Text.Json;

namespace DataGateway.Storage.Audit;

/// <summary>
/// The NDJSON lines of an audit export (docs/audit-export.md): a header, one line per entry, and a closing
/// checkpoint line. Entries carry every stored column, so a verifier recomputes the canonical leaf
/// (<see cref="AuditLeafEncoding"/>) instead of trusting any hash in the file.
/// </summary>
/// <remarks>
/// Strings go through <see cref="Utf8JsonWriter"/>'s default encoder: CR, LF, NUL, other controls, bidi
/// overrides and all non-ASCII are written as <c>\uXXXX</c> escapes, so one entry is always exactly one line and no
/// field can forge another line (RELIABILITY.md A11). Hashes are base64url without padding.
/// </remarks>
public static class AuditExportFormat
{
    /// <summary>The header's <c>format</c> value; a verifier refuses any other.</summary>
    public const string FormatName = "datagateway-audit-export/1";

    /// <summary>The NDJSON media type.</summary>
    public const string MediaType = "application/x-ndjson";

    /// <summary>Writes the header line's object: the range, the checkpoint size and the left subtrees of the range.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="proof">The exported range and checkpoint size.</param>
    public static void WriteHeader(Utf8JsonWriter writer, AuditRangeProof proof)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proof);
        writer.WriteStartObject();
        writer.WriteString("type", "header");
        writer.WriteString("format", FormatName);
        writer.WriteNumber("from", proof.From);
        writer.WriteNumber("to", proof.To);
        writer.WriteNumber("treeSize", proof.TreeSize);
        // In the header, not the trailer: a verifier seeds its frontier with them before the first entry.
        WriteHashes(writer, "leftSubtrees", proof.LeftSubtrees);
        writer.WriteEndObject();
    }

    /// <summary>Writes one entry line's object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="row">The stored entry.</param>
    /// <param name="treeLeafHash">
    /// The leaf hash the Merkle tree stores at the entry's index, if known (exports): it lets a verifier name the
    /// first changed entry even when the attacker also recomputed the (unkeyed) hash chain after it.
    /// </param>
    public static void WriteEntry(Utf8JsonWriter writer, StoredAuditEntry row, byte[]? treeLeafHash = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        var e = row.Entry;
        writer.WriteStartObject();
        writer.WriteString("type", "entry");
        writer.WriteNumber("index", row.Index);
        writer.WriteNumber("timestampMs", row.Timestamp.ToUnixTimeMilliseconds());
        writer.WriteString("actor", e.Actor);
        writer.WriteString("role", e.Role);
        writer.WriteString("institution", e.Institution);
        writer.WriteString("subject", e.Subject);
        writer.WriteString("purpose", e.Purpose);
        writer.WriteString("kind", e.Kind);
        writer.WriteString("queryHash", e.QueryHash);
        writer.WriteString("decision", e.Decision);
        writer.WriteString("reason", e.Reason);
        writer.WriteString("consentId", e.ConsentId);
        writer.WriteString("policyVersion", e.PolicyVersion);
        writer.WriteString("resultDigest", e.ResultDigest);
        writer.WriteString("node", e.Node);
        writer.WriteNumber("latencyMicros", e.LatencyMicros);
        writer.WriteString("clientRequestId", e.ClientRequestId);
        writer.WriteStartArray("predicates");
        foreach (var predicate in e.Predicates)
        {
            writer.WriteStringValue(predicate);
        }

        writer.WriteEndArray();
        writer.WriteString("prevHash", Base64Url.EncodeToString(row.PreviousHash));
        writer.WriteString("entryHash", Base64Url.EncodeToString(row.EntryHash));
        if (treeLeafHash is not null)
        {
            writer.WriteString("leafHash", Base64Url.EncodeToString(treeLeafHash));
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the entry line of a row the log cannot read: <c>{"type":"entry","index":i,"unreadable":true}</c>.
    /// A verifier reports it as a malformed entry at that index instead of the export stopping there.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="index">The row's index.</param>
    public static void WriteUnreadable(Utf8JsonWriter writer, long index)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "entry");
        writer.WriteNumber("index", index);
        writer.WriteBoolean("unreadable", true);
        writer.WriteEndObject();
    }

    /// <summary>Writes the closing line's object: the signed checkpoint and the proof tying the range to it.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="proof">The range proof.</param>
    /// <param name="checkpointNote">The C2SP signed note of size <see cref="AuditRangeProof.TreeSize"/>.</param>
    public static void WriteCheckpoint(Utf8JsonWriter writer, AuditRangeProof proof, string checkpointNote)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proof);
        writer.WriteStartObject();
        writer.WriteString("type", "checkpoint");
        writer.WriteNumber("from", proof.From);
        writer.WriteNumber("to", proof.To);
        writer.WriteNumber("treeSize", proof.TreeSize);
        writer.WriteString("checkpoint", checkpointNote);
        WriteHashes(writer, "consistency", proof.Consistency);
        writer.WriteEndObject();
    }

    private static void WriteHashes(Utf8JsonWriter writer, string name, byte[][] hashes)
    {
        writer.WriteStartArray(name);
        foreach (var hash in hashes)
        {
            writer.WriteStringValue(Base64Url.EncodeToString(hash));
        }

        writer.WriteEndArray();
    }
}
