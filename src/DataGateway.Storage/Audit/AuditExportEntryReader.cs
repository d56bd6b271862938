using System.Buffers.Text;
using System.Numerics;
using System.Text.Json;

namespace DataGateway.Storage.Audit;

/// <summary>
/// Parses the entry lines <see cref="AuditExportFormat.WriteEntry"/> writes, strictly: every member exactly once,
/// no unknown member, <c>type</c> first, hashes of 32 bytes. Never throws on hostile input.
/// </summary>
public static class AuditExportEntryReader
{
    // Every member but the optional last one, leafHash, is required.
    private const int AllMembers = (1 << 21) - 1;
    private const int LeafHashMember = 21;

    // Member names in the writer's order; the bit of a member is its position here. UTF-8, so matching a name
    // never transcodes (a million-entry export is verified in seconds: issue 4 figures).
    private static readonly byte[][] Members =
    [
        "type"u8.ToArray(), "index"u8.ToArray(), "timestampMs"u8.ToArray(), "actor"u8.ToArray(), "role"u8.ToArray(),
        "institution"u8.ToArray(), "subject"u8.ToArray(), "purpose"u8.ToArray(), "kind"u8.ToArray(), "queryHash"u8.ToArray(),
        "decision"u8.ToArray(), "reason"u8.ToArray(), "consentId"u8.ToArray(), "policyVersion"u8.ToArray(),
        "resultDigest"u8.ToArray(), "node"u8.ToArray(), "latencyMicros"u8.ToArray(), "clientRequestId"u8.ToArray(),
        "predicates"u8.ToArray(), "prevHash"u8.ToArray(), "entryHash"u8.ToArray(), "leafHash"u8.ToArray(),
    ];

    /// <summary>True if the line's first member is <c>"type":"entry"</c>.</summary>
    /// <param name="line">One NDJSON line without its newline.</param>
    /// <returns>Whether the line claims to be an entry.</returns>
    public static bool IsEntryLine(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("type"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("entry"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>True if the line is exactly an <see cref="AuditExportFormat.WriteUnreadable"/> marker.</summary>
    /// <param name="line">One NDJSON line without its newline.</param>
    /// <param name="index">The unreadable row's index.</param>
    /// <returns>Whether the line is such a marker.</returns>
    public static bool TryReadUnreadable(ReadOnlySpan<byte> line, out long index)
    {
        index = 0;
        try
        {
            var reader = new Utf8JsonReader(line);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.ValueTextEquals("type"u8) && reader.Read() && reader.ValueTextEquals("entry"u8)
                && reader.Read() && reader.ValueTextEquals("index"u8) && reader.Read() && reader.TryGetInt64(out index)
                && reader.Read() && reader.ValueTextEquals("unreadable"u8) && reader.Read() && reader.TokenType == JsonTokenType.True
                && reader.Read() && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Parses one entry line.</summary>
    /// <param name="line">One NDJSON line without its newline.</param>
    /// <param name="entry">The entry with the hashes the file claims (to be checked, never trusted).</param>
    /// <returns>False if the line is not exactly one well-formed entry.</returns>
    public static bool TryRead(ReadOnlySpan<byte> line, out StoredAuditEntry? entry) => TryRead(line, out entry, out _);

    /// <summary>Parses one entry line, with the tree's leaf hash if the line carries one.</summary>
    /// <param name="line">One NDJSON line without its newline.</param>
    /// <param name="entry">The entry with the hashes the file claims (to be checked, never trusted).</param>
    /// <param name="treeLeafHash">The optional <c>leafHash</c> member, or null.</param>
    /// <returns>False if the line is not exactly one well-formed entry.</returns>
    public static bool TryRead(ReadOnlySpan<byte> line, out StoredAuditEntry? entry, out byte[]? treeLeafHash)
    {
        entry = null;
        treeLeafHash = null;
        try
        {
            return TryReadCore(line, out entry, out treeLeafHash);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool TryReadCore(ReadOnlySpan<byte> line, out StoredAuditEntry? entry, out byte[]? treeLeafHash)
    {
        entry = null;
        treeLeafHash = null;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 4 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        long index = 0, ts = 0, latency = 0;
        var s = new string?[Members.Length];
        string[] predicates = [];
        byte[]? prev = null, hash = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = MemberOf(ref reader, BitOperations.TrailingZeroCount(~seen));
            if (member < 0 || (seen & (1 << member)) != 0 || (seen == 0 && member != 0) || !reader.Read())
            {
                return false;
            }

            seen |= 1 << member;
            switch (member)
            {
                case 0:
                    if (!reader.ValueTextEquals("entry"u8))
                    {
                        return false;
                    }

                    break;
                case 1:
                    index = reader.GetInt64();
                    break;
                case 2:
                    ts = reader.GetInt64();
                    break;
                case 16:
                    latency = reader.GetInt64();
                    break;
                case 18:
                    if (!TryReadStrings(ref reader, out predicates))
                    {
                        return false;
                    }

                    break;
                case 19:
                    prev = ReadHash(ref reader);
                    break;
                case 20:
                    hash = ReadHash(ref reader);
                    break;
                case LeafHashMember:
                    treeLeafHash = ReadHash(ref reader);
                    if (treeLeafHash is null)
                    {
                        return false;
                    }

                    break;
                default:
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return false;
                    }

                    s[member] = reader.GetString();
                    break;
            }
        }

        // Exactly one object on the line, every member present, hashes well formed.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (seen & AllMembers) != AllMembers || prev is null || hash is null)
        {
            return false;
        }

        if (s[3] is not { } actor || s[4] is not { } role || s[8] is not { } kind || s[10] is not { } decision || s[11] is not { } reason)
        {
            return false;
        }

        var fields = new AuditEntry
        {
            Actor = actor,
            Role = role,
            Institution = s[5],
            Subject = s[6],
            Purpose = s[7],
            Kind = kind,
            QueryHash = s[9],
            Decision = decision,
            Reason = reason,
            ConsentId = s[12],
            PolicyVersion = s[13],
            ResultDigest = s[14],
            Node = s[15],
            LatencyMicros = latency,
            ClientRequestId = s[17],
            Predicates = predicates,
        };
        entry = new StoredAuditEntry(index, DateTimeOffset.FromUnixTimeMilliseconds(ts), fields, prev, hash);
        return true;
    }

    private static int MemberOf(ref Utf8JsonReader reader, int expected)
    {
        // Fast path: the writer's order. Any other order is still accepted, just found more slowly.
        if (expected < Members.Length && reader.ValueTextEquals(Members[expected]))
        {
            return expected;
        }

        for (var i = 0; i < Members.Length; i++)
        {
            if (reader.ValueTextEquals(Members[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryReadStrings(ref Utf8JsonReader reader, out string[] values)
    {
        values = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            list.Add(reader.GetString()!);
        }

        values = [.. list];
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static byte[]? ReadHash(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[AuditLeafEncoding.HashSizeInBytes + 3];
        return Base64Url.DecodeFromUtf8(reader.ValueSpan, buffer, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == AuditLeafEncoding.HashSizeInBytes
            ? buffer[..written].ToArray()
            : null;
    }
}
