using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Merkle;

/// <summary>The <c>merkle_nodes</c> table: one row per complete subtree, written once, never updated.</summary>
/// <remarks>
/// A WITHOUT ROWID table keyed by (level, idx) stores each hash once, clustered in key order, so a proof's
/// O(log n) point reads each touch one B-tree path. About 2n rows for n leaves.
/// </remarks>
internal static class MerkleSchema
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS merkle_nodes (
            level INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            hash BLOB NOT NULL,
            PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;
        """;

    public const string SelectNode = "SELECT hash FROM merkle_nodes WHERE level = $level AND idx = $idx";

    public const string SelectSize = "SELECT MAX(idx) FROM merkle_nodes WHERE level = 0";

    public const string Insert = "INSERT INTO merkle_nodes (level, idx, hash) VALUES ($level, $idx, $hash)";

    public static void EnsureCreated(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CreateTable;
        command.ExecuteNonQuery();
    }

    /// <summary>Number of leaves: one more than the highest stored leaf index.</summary>
    public static long ReadSize(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectSize;
        return command.ExecuteScalar() is long max ? max + 1 : 0;
    }

    public static SqliteCommand CreateCommand(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
