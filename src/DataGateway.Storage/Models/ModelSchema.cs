using System.Text.Json;
using DataGateway.Storage.Consent;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Models;

/// <summary>The <c>models</c> table: DDL, statements and mapping rows to models.</summary>
/// <remarks>
/// The primary key (institution, id) makes an id usable once per institution, deleted or not; there is
/// no DELETE statement: a deleted model keeps its row so past audit entries resolve to it.
/// </remarks>
internal static class ModelSchema
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS models (
            institution TEXT NOT NULL,
            id TEXT NOT NULL,
            n TEXT NOT NULL,
            scale INTEGER NOT NULL,
            features TEXT NOT NULL,
            weights TEXT NOT NULL,
            bias TEXT NOT NULL,
            commitment TEXT NOT NULL,
            registered_by TEXT NOT NULL,
            registered_at INTEGER NOT NULL,
            deleted_at INTEGER,
            PRIMARY KEY (institution, id)
        );
        """;

    public const string Columns = "institution, id, n, scale, features, weights, bias, commitment, registered_by, registered_at, deleted_at";

    // One statement: the cap and the id check cannot race another registration on this connection or another.
    public const string Insert =
        $"INSERT OR IGNORE INTO models ({Columns}) SELECT $institution, $id, $n, $scale, $features, $weights, $bias, $commitment, " +
        "$registered_by, $registered_at, NULL WHERE (SELECT COUNT(*) FROM models WHERE institution = $institution AND deleted_at IS NULL) < $max";

    public const string Exists = "SELECT 1 FROM models WHERE institution = $institution AND id = $id";

    public const string SelectOne = $"SELECT {Columns} FROM models WHERE institution = $institution AND id = $id";

    public const string SelectActive = $"SELECT {Columns} FROM models WHERE institution = $institution AND deleted_at IS NULL ORDER BY rowid";

    public const string MarkDeleted = "UPDATE models SET deleted_at = $at WHERE institution = $institution AND id = $id AND deleted_at IS NULL";

    public static void BindInsert(SqliteCommand command, RegisteredModel m, int maxActiveModels)
    {
        command.Parameters.AddWithValue("$institution", m.Institution);
        command.Parameters.AddWithValue("$id", m.Id);
        command.Parameters.AddWithValue("$n", m.N);
        command.Parameters.AddWithValue("$scale", m.Scale);
        command.Parameters.AddWithValue("$features", Encode(m.Features));
        command.Parameters.AddWithValue("$weights", Encode(m.Weights));
        command.Parameters.AddWithValue("$bias", m.Bias);
        command.Parameters.AddWithValue("$commitment", m.Commitment);
        command.Parameters.AddWithValue("$registered_by", m.RegisteredBy);
        command.Parameters.AddWithValue("$registered_at", m.RegisteredAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", maxActiveModels);
    }

    public static RegisteredModel ReadRow(SqliteDataReader r) => new()
    {
        Institution = r.GetString(0),
        Id = r.GetString(1),
        N = r.GetString(2),
        Scale = r.GetInt64(3),
        Features = Decode(r.GetString(4)),
        Weights = Decode(r.GetString(5)),
        Bias = r.GetString(6),
        Commitment = r.GetString(7),
        RegisteredBy = r.GetString(8),
        RegisteredAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)),
        DeletedAt = r.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
    };

    private static string Encode(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize(values.ToArray(), ConsentJsonContext.Default.StringArray);

    private static string[] Decode(string json) =>
        JsonSerializer.Deserialize(json, ConsentJsonContext.Default.StringArray)
        ?? throw new FormatException("A model list column is null.");
}
