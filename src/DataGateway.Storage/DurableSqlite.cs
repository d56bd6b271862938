using Microsoft.Data.Sqlite;

namespace DataGateway.Storage;

/// <summary>
/// Opens the SQLite files of every store here (audit log, consent, privacy budget, models) the one
/// way they all depend on: WAL journaling, <c>synchronous=FULL</c> read back, a busy timeout, schema.
/// </summary>
/// <remarks>
/// An acknowledged write must survive a crash (RELIABILITY.md item 4): a database that does not take
/// WAL or FULL is refused at open, so no store ever runs with weaker durability than it promises.
/// </remarks>
internal static class DurableSqlite
{
    private const long SynchronousFull = 2;

    /// <summary>Opens (creating the file and its directory if needed) the writer connection of a store.</summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    /// <param name="storeName">Names the store in errors, e.g. <c>consent database</c>.</param>
    /// <param name="busyTimeout">How long a write waits for another connection's lock before it fails.</param>
    /// <param name="schema">Statements run once the settings hold, e.g. <c>CREATE TABLE IF NOT EXISTS</c>.</param>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static SqliteConnection OpenWriter(string databasePath, string storeName, TimeSpan busyTimeout, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadWriteCreate, busyTimeout));
        try
        {
            connection.Open();
            var journalMode = Scalar(connection, "PRAGMA journal_mode=WAL;") as string;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The {storeName} refused WAL journaling (got '{journalMode}').");
            }

            Execute(connection, "PRAGMA synchronous=FULL;");
            if (Scalar(connection, "PRAGMA synchronous;") is not long synchronous || synchronous != SynchronousFull)
            {
                throw new InvalidOperationException($"The {storeName} refused synchronous=FULL.");
            }

            Execute(connection, $"PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};");
            Execute(connection, schema);
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

    /// <summary>The connection string every store uses; read-only for readers.</summary>
    public static string ConnectionString(string databasePath, SqliteOpenMode mode, TimeSpan busyTimeout) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = mode,
            // Pooling would keep file handles open after Dispose; each store owns its connections' lifetimes.
            Pooling = false,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself for DefaultTimeout seconds (0 = forever), on top of
            // the native busy_timeout; round up so a short timeout still fails, never waits forever.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();

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
}
