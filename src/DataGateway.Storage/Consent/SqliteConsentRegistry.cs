using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Consent;

/// <summary>
/// The SQLite consent registry: WAL with synchronous=FULL like the audit log, so a grant or
/// revocation that returned is durable. One writer connection serialises the rare writes; reads
/// (one per query, on the hot path) use pooled read-only connections, each statement seeing the
/// latest committed state, so no read is ever stale (ARCHITECTURE.md invariant 4).
/// </summary>
public sealed class SqliteConsentRegistry : IConsentRegistry
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<PooledReader> _readers = [];
    private int _disposed;

    private SqliteConsentRegistry(string databasePath, SqliteConnection writer)
    {
        _writer = writer;
        _readConnectionString = DurableSqlite.ConnectionString(databasePath, SqliteOpenMode.ReadOnly, BusyTimeout);
    }

    /// <summary>Opens (or creates) the registry and checks its durability settings.</summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    /// <returns>The open registry.</returns>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static SqliteConsentRegistry Open(string databasePath)
    {
        var connection = DurableSqlite.OpenWriter(databasePath, "consent database", BusyTimeout, ConsentSchema.CreateTable);
        return new SqliteConsentRegistry(databasePath, connection);
    }

    /// <inheritdoc />
    public Task AddAsync(ConsentGrant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return WriteAsync(command =>
        {
            command.CommandText = ConsentSchema.Insert;
            ConsentSchema.BindInsert(command, grant);
            return command.ExecuteNonQuery();
        }, ct);
    }

    /// <inheritdoc />
    public async Task<ConsentGrant?> FindAsync(string id, CancellationToken ct)
    {
        var rows = await ReadAsync(ConsentSchema.SelectById, [new("$id", id)], ct).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsentGrant>> FindForAsync(string subject, string institution, CancellationToken ct) =>
        ReadAsync(ConsentSchema.SelectForPair, [new("$subject", subject), new("$institution", institution)], ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsentGrant>> ListBySubjectAsync(string subject, CancellationToken ct) =>
        ReadAsync(ConsentSchema.SelectBySubject, [new("$subject", subject)], ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsentGrant>> ListByInstitutionAsync(string institution, CancellationToken ct) =>
        ReadAsync(ConsentSchema.SelectByInstitution, [new("$institution", institution)], ct);

    /// <inheritdoc />
    public async Task<ConsentGrant?> RevokeAsync(string id, DateTimeOffset revokedAt, string revokedBy, string? reason, CancellationToken ct)
    {
        await WriteAsync(command =>
        {
            command.CommandText = ConsentSchema.Revoke;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", revokedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$by", revokedBy);
            command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
            return command.ExecuteNonQuery();
        }, ct).ConfigureAwait(false);
        return await FindAsync(id, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> TryUseAsync(string id, CancellationToken ct)
    {
        var changed = await WriteAsync(command =>
        {
            command.CommandText = ConsentSchema.Use;
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }, ct).ConfigureAwait(false);
        return changed == 1;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            // Readers first: SQLite checkpoints and removes the WAL only when the last connection to close
            // can write, so closing the writer first left consent.db-wal behind after every clean stop.
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }

            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
            _writeGate.Dispose();
        }
    }

    private async Task<int> WriteAsync(Func<SqliteCommand, int> write, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var command = _writer.CreateCommand();
            return write(command); // autocommit: returns after the COMMIT's fsync
        }
        catch (SqliteException e)
        {
            throw new ConsentStoreUnavailableException("The consent store could not commit the write.", e);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private Task<IReadOnlyList<ConsentGrant>> ReadAsync(string sql, SqliteParameter[] parameters, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_readers.TryTake(out var reader))
        {
            reader = new PooledReader(new SqliteConnection(_readConnectionString));
        }

        try
        {
            // Every query reads the store (no cache may serve a stale grant); what is reused is
            // the prepared statement, because parsing the SQL again cost more than the read.
            var command = reader.Prepared(sql, parameters);
            using var rowsReader = command.ExecuteReader();
            var rows = new List<ConsentGrant>();
            while (rowsReader.Read())
            {
                rows.Add(ConsentSchema.ReadRow(rowsReader));
            }

            // Each statement is its own read transaction, so a pooled connection never pins an old snapshot.
            _readers.Add(reader);
            return Task.FromResult<IReadOnlyList<ConsentGrant>>(rows);
        }
        catch (SqliteException e)
        {
            reader.Dispose();
            throw new ConsentStoreUnavailableException("The consent store could not be read.", e);
        }
    }

    /// <summary>A read connection with its prepared statements, used by one caller at a time.</summary>
    private sealed class PooledReader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteCommand Prepared(string sql, SqliteParameter[] parameters)
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }

            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var parameter in parameters)
                {
                    command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
                }

                command.Prepare();
                _commands[sql] = command;
                return command;
            }

            foreach (var parameter in parameters)
            {
                command.Parameters[parameter.ParameterName].Value = parameter.Value;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }



}
