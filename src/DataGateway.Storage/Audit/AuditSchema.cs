using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>The <c>audit_entries</c> table: DDL, the insert, and mapping rows back to entries.</summary>
/// <remarks>
/// One column per field so auditors can query with plain SQL; the hash covers the canonical leaf encoding of
/// those columns, not the columns' SQL representation. Two writers can never both extend the same tail
/// (RELIABILITY.md A8): <c>seq</c> is the primary key, and the <c>audit_entries_link</c> trigger refuses a row
/// whose <c>prev_hash</c> is not its predecessor's <c>entry_hash</c>, so one linear chain is all the table
/// accepts and no two rows share a <c>prev_hash</c>. The trigger replaced a UNIQUE index on <c>prev_hash</c>: a
/// B-tree over random hashes cost one random page per entry in every group commit (about 9 KB written and
/// 9 µs of CPU per append, <c>bench/DataGateway.Bench -- audit</c>), and proved less (no link check).
/// </remarks>
internal static class AuditSchema
{
    public static readonly string CreateTable = $$"""
        CREATE TABLE IF NOT EXISTS audit_entries (
            seq INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            institution TEXT,
            subject TEXT,
            purpose TEXT,
            kind TEXT NOT NULL,
            query_hash TEXT,
            decision TEXT NOT NULL,
            reason TEXT NOT NULL,
            consent_id TEXT,
            policy_version TEXT,
            result_digest TEXT,
            node TEXT,
            latency_micros INTEGER NOT NULL,
            client_request_id TEXT,
            predicates TEXT NOT NULL,
            prev_hash BLOB NOT NULL,
            entry_hash BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_audit_entries_ts ON audit_entries(ts);
        CREATE INDEX IF NOT EXISTS ix_audit_entries_subject ON audit_entries(subject, seq);
        CREATE TRIGGER IF NOT EXISTS audit_entries_link BEFORE INSERT ON audit_entries
        WHEN NEW.prev_hash IS NOT (CASE WHEN NEW.seq = 0 THEN x'{{Convert.ToHexString(AuditLeafEncoding.GenesisHash)}}'
                                        ELSE (SELECT entry_hash FROM audit_entries WHERE seq = NEW.seq - 1) END)
        BEGIN SELECT RAISE(ABORT, 'audit entry does not extend the chain'); END;
        """;

    /// <summary>Every stored column, in the order <see cref="ReadRow"/> expects.</summary>
    public static readonly string[] Columns =
    [
        "seq", "ts", "actor", "role", "institution", "subject", "purpose", "kind", "query_hash", "decision", "reason",
        "consent_id", "policy_version", "result_digest", "node", "latency_micros", "client_request_id", "predicates",
        "prev_hash", "entry_hash",
    ];

    public static readonly string SelectColumns = string.Join(", ", Columns);

    public static readonly string Insert =
        $"INSERT INTO audit_entries ({SelectColumns}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";

    public static SqliteCommand CreateInsertCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Insert;
        foreach (var column in Columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + column, null));
        }

        return command;
    }

    public static void BindInsert(SqliteCommand command, long seq, long ts, AuditEntry e, byte[] prevHash, byte[] entryHash)
    {
        var p = command.Parameters;
        object?[] values =
        [
            seq, ts, e.Actor, e.Role, e.Institution, e.Subject, e.Purpose, e.Kind, e.QueryHash, e.Decision, e.Reason,
            e.ConsentId, e.PolicyVersion, e.ResultDigest, e.Node, e.LatencyMicros, e.ClientRequestId,
            JsonSerializer.Serialize(e.Predicates, AuditJsonContext.Default.IReadOnlyListString), prevHash, entryHash,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            p[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>Maps a row selected with <see cref="SelectColumns"/>.</summary>
    /// <exception cref="FormatException">The predicates column is not a JSON string array.</exception>
    public static StoredAuditEntry ReadRow(SqliteDataReader r)
    {
        var entry = new AuditEntry
        {
            Actor = r.GetString(2),
            Role = r.GetString(3),
            Institution = NullableString(r, 4),
            Subject = NullableString(r, 5),
            Purpose = NullableString(r, 6),
            Kind = r.GetString(7),
            QueryHash = NullableString(r, 8),
            Decision = r.GetString(9),
            Reason = r.GetString(10),
            ConsentId = NullableString(r, 11),
            PolicyVersion = NullableString(r, 12),
            ResultDigest = NullableString(r, 13),
            Node = NullableString(r, 14),
            LatencyMicros = r.GetInt64(15),
            ClientRequestId = NullableString(r, 16),
            Predicates = ReadPredicates(r.GetString(17)),
        };
        var ts = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1));
        return new StoredAuditEntry(r.GetInt64(0), ts, entry, (byte[])r.GetValue(18), (byte[])r.GetValue(19));
    }

    private static string[] ReadPredicates(string json)
    {
        try
        {
            var predicates = JsonSerializer.Deserialize(json, AuditJsonContext.Default.StringArray);
            if (predicates is null || predicates.Any(p => p is null))
            {
                throw new FormatException("The predicates column holds nulls.");
            }

            return predicates;
        }
        catch (JsonException ex)
        {
            throw new FormatException("The predicates column is not a JSON string array.", ex);
        }
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
