using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Models;

/// <summary>
/// The SQLite model registry (<c>models.db</c> beside the audit log): WAL with synchronous=FULL like the
/// consent registry, so a registration or deletion that returned is durable. Reads and writes share one
/// gated connection: models are small and read once per score, and a single connection makes a deletion
/// visible to the very next read.
/// </summary>
public sealed class SqliteModelRegistry : IModelRegistry
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    private SqliteModelRegistry(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates) the registry and checks its durability settings.</summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    /// <returns>The open registry.</returns>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static SqliteModelRegistry Open(string databasePath)
    {
        var connection = DurableSqlite.OpenWriter(databasePath, "model database", BusyTimeout, ModelSchema.CreateTable);
        return new SqliteModelRegistry(connection);
    }

    /// <inheritdoc />
    public Task<ModelAddResult> AddAsync(RegisteredModel model, int maxActiveModels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var exists = connection.CreateCommand();
            exists.Transaction = transaction;
            exists.CommandText = ModelSchema.Exists;
            exists.Parameters.AddWithValue("$institution", model.Institution);
            exists.Parameters.AddWithValue("$id", model.Id);
            if (exists.ExecuteScalar() is not null)
            {
                return ModelAddResult.Exists;
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = ModelSchema.Insert;
            ModelSchema.BindInsert(insert, model, maxActiveModels);
            if (insert.ExecuteNonQuery() != 1)
            {
                return ModelAddResult.LimitReached;
            }

            transaction.Commit(); // returns after the fsync (synchronous=FULL)
            return ModelAddResult.Added;
        }, "commit the registration", ct);
    }

    /// <inheritdoc />
    public Task<RegisteredModel?> FindAsync(string institution, string id, CancellationToken ct) =>
        RunAsync(connection =>
        {
            var rows = Read(connection, ModelSchema.SelectOne, institution, id);
            return rows.Count > 0 ? rows[0] : null;
        }, "read a model", ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<RegisteredModel>> ListAsync(string institution, CancellationToken ct) =>
        RunAsync<IReadOnlyList<RegisteredModel>>(connection => Read(connection, ModelSchema.SelectActive, institution, null), "list models", ct);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string institution, string id, DateTimeOffset deletedAt, CancellationToken ct) =>
        RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = ModelSchema.MarkDeleted;
            command.Parameters.AddWithValue("$institution", institution);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", deletedAt.ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery() == 1;
        }, "commit the deletion", ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, string what, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return work(_connection);
        }
        catch (SqliteException e)
        {
            throw new ModelStoreUnavailableException($"The model store could not {what}.", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static List<RegisteredModel> Read(SqliteConnection connection, string sql, string institution, string? id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$institution", institution);
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<RegisteredModel>();
        while (reader.Read())
        {
            rows.Add(ModelSchema.ReadRow(reader));
        }

        return rows;
    }

}
