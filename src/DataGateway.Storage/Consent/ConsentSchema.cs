using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Consent;

/// <summary>The <c>consents</c> table: DDL, statements and mapping rows to grants.</summary>
/// <remarks>
/// Instants are Unix milliseconds. There is no DELETE statement anywhere: grants are consent
/// evidence kept for years (DOMAIN.md "Consent and retention"); status is derived when read.
/// </remarks>
internal static class ConsentSchema
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS consents (
            id TEXT PRIMARY KEY,
            subject TEXT NOT NULL,
            institution TEXT NOT NULL,
            purposes TEXT NOT NULL,
            scopes TEXT NOT NULL,
            categories TEXT NOT NULL,
            valid_from INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            max_queries INTEGER,
            uses INTEGER NOT NULL DEFAULT 0,
            granted_by TEXT NOT NULL,
            granted_at INTEGER NOT NULL,
            revoked_at INTEGER,
            revoked_by TEXT,
            revoke_reason TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_consents_subject_institution ON consents(subject, institution);
        CREATE INDEX IF NOT EXISTS ix_consents_institution ON consents(institution);
        """;

    public const string Columns =
        "id, subject, institution, purposes, scopes, categories, valid_from, expires_at, max_queries, uses, " +
        "granted_by, granted_at, revoked_at, revoked_by, revoke_reason";

    public const string Insert =
        $"INSERT INTO consents ({Columns}) VALUES ($id, $subject, $institution, $purposes, $scopes, $categories, " +
        "$valid_from, $expires_at, $max_queries, 0, $granted_by, $granted_at, NULL, NULL, NULL)";

    public const string Revoke =
        "UPDATE consents SET revoked_at = $at, revoked_by = $by, revoke_reason = $reason WHERE id = $id AND revoked_at IS NULL";

    public const string Use =
        "UPDATE consents SET uses = uses + 1 WHERE id = $id AND (max_queries IS NULL OR uses < max_queries)";

    public const string SelectById = $"SELECT {Columns} FROM consents WHERE id = $id";

    // rowid order is insertion order, so DESC lists newest first without a sort on granted_at.
    public const string SelectForPair = $"SELECT {Columns} FROM consents WHERE subject = $subject AND institution = $institution ORDER BY rowid DESC";

    public const string SelectBySubject = $"SELECT {Columns} FROM consents WHERE subject = $subject ORDER BY rowid DESC";

    public const string SelectByInstitution = $"SELECT {Columns} FROM consents WHERE institution = $institution ORDER BY rowid DESC";

    public static void BindInsert(SqliteCommand command, ConsentGrant g)
    {
        command.Parameters.AddWithValue("$id", g.Id);
        command.Parameters.AddWithValue("$subject", g.Subject);
        command.Parameters.AddWithValue("$institution", g.Institution);
        command.Parameters.AddWithValue("$purposes", Encode(g.Purposes));
        command.Parameters.AddWithValue("$scopes", Encode(g.Scopes));
        command.Parameters.AddWithValue("$categories", Encode(g.Categories));
        command.Parameters.AddWithValue("$valid_from", g.ValidFrom.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires_at", g.ExpiresAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max_queries", g.MaxQueries is { } max ? max : DBNull.Value);
        command.Parameters.AddWithValue("$granted_by", g.GrantedBy);
        command.Parameters.AddWithValue("$granted_at", g.GrantedAt.ToUnixTimeMilliseconds());
    }

    public static ConsentGrant ReadRow(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Subject = r.GetString(1),
        Institution = r.GetString(2),
        Purposes = Decode(r.GetString(3)),
        Scopes = Decode(r.GetString(4)),
        Categories = Decode(r.GetString(5)),
        ValidFrom = Instant(r.GetInt64(6)),
        ExpiresAt = Instant(r.GetInt64(7)),
        MaxQueries = r.IsDBNull(8) ? null : r.GetInt32(8),
        Uses = r.GetInt32(9),
        GrantedBy = r.GetString(10),
        GrantedAt = Instant(r.GetInt64(11)),
        RevokedAt = r.IsDBNull(12) ? null : Instant(r.GetInt64(12)),
        RevokedBy = r.IsDBNull(13) ? null : r.GetString(13),
        RevokeReason = r.IsDBNull(14) ? null : r.GetString(14),
    };

    private static DateTimeOffset Instant(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    private static string Encode(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize(values.ToArray(), ConsentJsonContext.Default.StringArray);

    private static string[] Decode(string json) =>
        JsonSerializer.Deserialize(json, ConsentJsonContext.Default.StringArray)
        ?? throw new FormatException("A consent list column is null.");
}
