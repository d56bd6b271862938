using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Budget;

/// <summary>
/// The durable privacy-budget ledger (<c>privacy.db</c>): micro-epsilon spent per (institution,
/// period), reserved by one conditional UPDATE before any answer is computed, never refunded;
/// and the answer cache that returns an identical query's released answer at no extra cost.
/// </summary>
/// <remarks>
/// WAL with synchronous=FULL like the audit log and the consent registry, so a reservation that
/// returned survives a crash or kill -9 (RELIABILITY.md C3): after a restart the ledger never
/// shows less spent than what was answered. One writer connection with prepared statements,
/// serialised by a gate; the conditional UPDATE is what enforces the cap (D1), so it also holds
/// with several processes on one file.
/// </remarks>
public sealed class SqlitePrivacyLedger : IAsyncDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteCommand _ensureRow;
    private readonly SqliteCommand _reserve;
    private readonly SqliteCommand _insertReservation;
    private readonly SqliteCommand _selectSpent;
    private readonly SqliteCommand _selectAnswer;
    private readonly SqliteCommand _insertAnswer;
    private int _disposed;

    private SqlitePrivacyLedger(SqliteConnection connection)
    {
        _connection = connection;
        _ensureRow = Prepare(BudgetSchema.EnsureRow, "$institution", "$period");
        _reserve = Prepare(BudgetSchema.Reserve, "$institution", "$period", "$epsilon", "$cap");
        _insertReservation = Prepare(BudgetSchema.InsertReservation, "$id", "$institution", "$period", "$epsilon", "$hash", "$at");
        _selectSpent = Prepare(BudgetSchema.SelectSpent, "$institution", "$period");
        _selectAnswer = Prepare(BudgetSchema.SelectAnswer, "$institution", "$period", "$hash");
        _insertAnswer = Prepare(BudgetSchema.InsertAnswer, "$institution", "$period", "$hash", "$answer", "$at");
    }

    /// <summary>Opens (or creates) the ledger and checks its durability settings.</summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    /// <returns>The open ledger.</returns>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static SqlitePrivacyLedger Open(string databasePath)
    {
        var connection = DurableSqlite.OpenWriter(databasePath, "privacy ledger", BusyTimeout, BudgetSchema.CreateTables);
        return new SqlitePrivacyLedger(connection);
    }

    /// <summary>
    /// Reserves <paramref name="epsilonMicro"/> for the period if the spent total stays within
    /// <paramref name="capMicro"/>; returns after the COMMIT's fsync. Nothing is ever given back.
    /// </summary>
    /// <param name="institution">The spending institution.</param>
    /// <param name="periodStart">Start of the budget period (its key).</param>
    /// <param name="epsilonMicro">Micro-epsilon to reserve, positive.</param>
    /// <param name="capMicro">The period's cap in micro-epsilon, as policy sets it now.</param>
    /// <param name="queryHash">Hash of the query the reservation pays for (kept for reconciliation).</param>
    /// <param name="reservedAt">When the reservation is made.</param>
    /// <param name="ct">Cancels waiting for the writer; a started reservation always completes.</param>
    /// <exception cref="LedgerUnavailableException">The store could not commit.</exception>
    public async Task<BudgetReservation> TryReserveAsync(
        string institution, DateTimeOffset periodStart, long epsilonMicro, long capMicro, string queryHash, DateTimeOffset reservedAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(institution);
        ArgumentException.ThrowIfNullOrEmpty(queryHash);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilonMicro);
        ArgumentOutOfRangeException.ThrowIfNegative(capMicro);
        var period = periodStart.ToUnixTimeMilliseconds();
        return await WithConnectionAsync(() =>
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            Bind(_ensureRow, transaction, institution, period).ExecuteNonQuery();
            var reserve = Bind(_reserve, transaction, institution, period, epsilonMicro, capMicro);
            var reserved = reserve.ExecuteNonQuery() == 1;
            if (reserved)
            {
                Bind(_insertReservation, transaction, NewReservationId(), institution, period, epsilonMicro, queryHash, reservedAt.ToUnixTimeMilliseconds())
                    .ExecuteNonQuery();
            }

            var spent = (long)Bind(_selectSpent, transaction, institution, period).ExecuteScalar()!;
            transaction.Commit();
            return new BudgetReservation(reserved, spent);
        }, "reserve", ct).ConfigureAwait(false);
    }

    /// <summary>Micro-epsilon spent in the period so far (0 for a period never touched).</summary>
    /// <exception cref="LedgerUnavailableException">The store could not be read.</exception>
    public Task<long> SpentAsync(string institution, DateTimeOffset periodStart, CancellationToken ct) =>
        WithConnectionAsync(
            () => Bind(_selectSpent, null, institution, periodStart.ToUnixTimeMilliseconds()).ExecuteScalar() is long spent ? spent : 0L,
            "read",
            ct);

    /// <summary>The answer already released for this query in this period, if any.</summary>
    /// <exception cref="LedgerUnavailableException">The store could not be read.</exception>
    public Task<string?> FindAnswerAsync(string institution, DateTimeOffset periodStart, string queryHash, CancellationToken ct) =>
        WithConnectionAsync(
            () => Bind(_selectAnswer, null, institution, periodStart.ToUnixTimeMilliseconds(), queryHash).ExecuteScalar() as string,
            "read",
            ct);

    /// <summary>
    /// Stores the answer of a paid query unless one is already stored, and returns the stored one:
    /// identical queries that raced and both paid still get one answer, never two noises to average.
    /// </summary>
    /// <exception cref="LedgerUnavailableException">The store could not commit.</exception>
    public Task<string> StoreAnswerAsync(string institution, DateTimeOffset periodStart, string queryHash, string answer, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(answer);
        var period = periodStart.ToUnixTimeMilliseconds();
        return WithConnectionAsync(() =>
        {
            Bind(_insertAnswer, null, institution, period, queryHash, answer, at.ToUnixTimeMilliseconds()).ExecuteNonQuery();
            return (string)Bind(_selectAnswer, null, institution, period, queryHash).ExecuteScalar()!;
        }, "store", ct);
    }

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
            foreach (var command in new[] { _ensureRow, _reserve, _insertReservation, _selectSpent, _selectAnswer, _insertAnswer })
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<T> WithConnectionAsync<T>(Func<T> work, string operation, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return work();
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"The privacy ledger could not {operation}.", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static SqliteCommand Bind(SqliteCommand command, SqliteTransaction? transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }


    private static string NewReservationId() =>
        "rsv_" + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15));
}
