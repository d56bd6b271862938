using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>Opens the log's SQLite connections with the durability settings the log depends on.</summary>
internal static class AuditConnections
{
    // SQLite's default; set explicitly so WAL growth stays bounded (RELIABILITY.md C6).
    private const int WalAutoCheckpointPages = 1000;
    private const long SynchronousFull = 2;

    /// <summary>Opens the single writer connection: WAL, synchronous=FULL (read back), busy timeout, schema.</summary>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static SqliteConnection OpenWriter(string databasePath, TimeSpan busyTimeout)
    {
        var connection = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadWriteCreate, busyTimeout));
        try
        {
            connection.Open();
            var journalMode = Scalar(connection, "PRAGMA journal_mode=WAL;") as string;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The audit database refused WAL journaling (got '{journalMode}').");
            }

            Execute(connection, "PRAGMA synchronous=FULL;");
            // Acknowledged ⇒ durable (RELIABILITY.md item 4): refuse to run if FULL did not take.
            if (Scalar(connection, "PRAGMA synchronous;") is not long synchronous || synchronous != SynchronousFull)
            {
                throw new InvalidOperationException("The audit database refused synchronous=FULL.");
            }

            Execute(connection, $"PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};");
            Execute(connection, $"PRAGMA wal_autocheckpoint={WalAutoCheckpointPages};");
            Execute(connection, AuditSchema.CreateTable);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a short-lived read-only connection.</summary>
    public static SqliteConnection OpenReader(string databasePath, TimeSpan busyTimeout)
    {
        var connection = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadOnly, busyTimeout));
        connection.Open();
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string ConnectionString(string databasePath, SqliteOpenMode mode, TimeSpan busyTimeout) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = mode,
            // Pooling would keep file handles open after Dispose; the log owns its connections' lifetimes.
            Pooling = false,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself for DefaultTimeout seconds (0 = forever), on top of
            // the native busy_timeout; round up so a short BusyTimeout still fails, never waits forever.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
}
