using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>Opens the log's SQLite connections with the durability settings the log depends on.</summary>
internal static class AuditConnections
{
    // SQLite's default; set explicitly so WAL growth stays bounded (RELIABILITY.md C6).
    private const int WalAutoCheckpointPages = 1000;

    /// <summary>Opens the single writer connection: WAL, synchronous=FULL (read back), busy timeout, schema.</summary>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static SqliteConnection OpenWriter(string databasePath, TimeSpan busyTimeout) =>
        DurableSqlite.OpenWriter(databasePath, "audit database", busyTimeout, $"PRAGMA wal_autocheckpoint={WalAutoCheckpointPages};" + AuditSchema.CreateTable);

    /// <summary>Opens a short-lived read-only connection.</summary>
    public static SqliteConnection OpenReader(string databasePath, TimeSpan busyTimeout) => DurableSqlite.OpenReader(databasePath, busyTimeout);

    public static void Execute(SqliteConnection connection, string sql) => DurableSqlite.Execute(connection, sql);

    public static object? Scalar(SqliteConnection connection, string sql) => DurableSqlite.Scalar(connection, sql);
}
