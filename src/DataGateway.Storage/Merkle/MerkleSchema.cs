using System.Numerics;
using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Merkle;

/// <summary>The <c>merkle_nodes</c> table: one row per complete subtree, written once, never updated.</summary>
/// <remarks>
/// Rows are keyed by the node's post-order position (<see cref="Position"/>): the order in which an append-only
/// tree completes its subtrees. Every append therefore only extends the table, and a group commit dirties its
/// last page or two. The earlier key, (level, idx), put each level's new nodes on a page of their own, one
/// page per level per commit: about 5 KB written and 10 µs of CPU per append (<c>bench/DataGateway.Bench --
/// audit</c>). <c>level</c> and <c>idx</c> stay as plain columns for auditors' SQL; proofs read by position.
/// About 2n rows for n leaves.
/// </remarks>
internal static class MerkleSchema
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS merkle_nodes (
            pos INTEGER PRIMARY KEY,
            level INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            hash BLOB NOT NULL
        );
        """;

    public const string SelectNode = "SELECT hash FROM merkle_nodes WHERE pos = $pos";

    public const string SelectLast = "SELECT pos, level, idx FROM merkle_nodes ORDER BY pos DESC LIMIT 1";

    public const string Insert = "INSERT INTO merkle_nodes (pos, level, idx, hash) VALUES ($pos, $level, $idx, $hash)";

    /// <summary>
    /// The post-order position of subtree (<paramref name="level"/>, <paramref name="index"/>): the number of
    /// subtrees completed before it. It completes when leaf m-1 arrives, m = (index+1)·2^level; the first m-1
    /// leaves completed 2(m-1) - popcount(m-1) subtrees, and leaf m-1 completes itself and then one subtree per
    /// level up to this one.
    /// </summary>
    public static long Position(int level, long index)
    {
        var before = ((index + 1) << level) - 1;
        return (2 * before) - BitOperations.PopCount((ulong)before) + level;
    }

    /// <summary>
    /// Creates the table; a table of the earlier (level, idx)-keyed layout is dropped first, and the writer
    /// rebuilds the tree from the entries (<c>AuditBatchWriter</c>), which are the truth the tree is derived from.
    /// </summary>
    public static void EnsureCreated(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('merkle_nodes') WHERE name = 'pos'";
        var hasPosition = command.ExecuteScalar() is long count && count > 0;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('merkle_nodes')";
        var exists = command.ExecuteScalar() is long columns && columns > 0;
        command.CommandText = exists && !hasPosition ? "DROP TABLE merkle_nodes;" + CreateTable : CreateTable;
        command.ExecuteNonQuery();
    }

    /// <summary>Number of leaves: read from the last stored subtree, which covers leaves 0 to (idx+1)·2^level - 1.</summary>
    /// <exception cref="AuditCorruptException">The last row's position does not match its level and index.</exception>
    public static long ReadSize(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectLast;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return 0;
        }

        var (position, level, index) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        if (level is < 0 or > 62 || index < 0 || index + 1 > long.MaxValue >> (int)level || Position((int)level, index) != position)
        {
            throw new AuditCorruptException($"Merkle node at position {position} does not match its level and index.");
        }

        return (index + 1) << (int)level;
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
