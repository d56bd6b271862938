using DataGateway.Storage.Budget;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Tests.Budget;

/// <summary>RELIABILITY.md D1, D2, D8, C3: the ledger never overspends, never refunds, and keeps answers.</summary>
public sealed class SqlitePrivacyLedgerTests : IAsyncLifetime
{
    private const long Tenth = 100_000;
    private const long One = 1_000_000;
    private static readonly DateTimeOffset Period = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "dg-ledger-" + Guid.NewGuid().ToString("N"), "privacy.db");
    private SqlitePrivacyLedger _ledger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ledger = SqlitePrivacyLedger.Open(_path);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _ledger.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }

    [Fact]
    public async Task TryReserve_AdmitsExactlyTen_When64ConcurrentTenthsAgainstCapOne()
    {
        var attempts = Enumerable.Range(0, 64)
            .Select(i => Task.Run(() => _ledger.TryReserveAsync("bank-001", Period, Tenth, One, $"q{i}", Now, Ct), Ct));

        var results = await Task.WhenAll(attempts);

        Assert.Equal(10, results.Count(r => r.Reserved));
        Assert.All(results, r => Assert.True(r.SpentMicro <= One));
        Assert.Equal(One, await _ledger.SpentAsync("bank-001", Period, Ct));
        Assert.Equal(10, Count("SELECT COUNT(*) FROM budget_reservations"));
    }

    [Fact]
    public async Task TryReserve_NeverOverspends_WhenTwoLedgersShareOneFile()
    {
        // Two processes (two gateway replicas on one volume) racing: only the conditional UPDATE decides.
        await using var second = SqlitePrivacyLedger.Open(_path);
        var attempts = Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? _ledger : second).TryReserveAsync("bank-001", Period, Tenth, One, $"q{i}", Now, Ct), Ct));

        var results = await Task.WhenAll(attempts);

        Assert.Equal(10, results.Count(r => r.Reserved));
        Assert.Equal(One, await second.SpentAsync("bank-001", Period, Ct));
    }

    [Fact]
    public async Task TryReserve_KeepsInstitutionsAndPeriodsApart()
    {
        Assert.True((await _ledger.TryReserveAsync("bank-001", Period, One, One, "q", Now, Ct)).Reserved);
        Assert.False((await _ledger.TryReserveAsync("bank-001", Period, 1, One, "q", Now, Ct)).Reserved);

        Assert.True((await _ledger.TryReserveAsync("bank-002", Period, One, One, "q", Now, Ct)).Reserved);
        Assert.True((await _ledger.TryReserveAsync("bank-001", Period.AddDays(30), One, One, "q", Now, Ct)).Reserved);
        Assert.Equal(0, await _ledger.SpentAsync("bank-003", Period, Ct));
    }

    [Fact]
    public async Task Reservation_IsDurable_AndNeverRefunded_AfterReopen()
    {
        Assert.True((await _ledger.TryReserveAsync("bank-001", Period, 3 * Tenth, One, "q", Now, Ct)).Reserved);
        await _ledger.DisposeAsync();

        _ledger = SqlitePrivacyLedger.Open(_path);

        Assert.Equal(3 * Tenth, await _ledger.SpentAsync("bank-001", Period, Ct));
        Assert.Equal("wal", Scalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task TryReserve_ReportsSpentWithoutChange_WhenRefused()
    {
        await _ledger.TryReserveAsync("bank-001", Period, 9 * Tenth, One, "q1", Now, Ct);

        var refused = await _ledger.TryReserveAsync("bank-001", Period, 2 * Tenth, One, "q2", Now, Ct);

        Assert.Equal(new BudgetReservation(false, 9 * Tenth), refused);
        Assert.Equal(1, Count("SELECT COUNT(*) FROM budget_reservations"));
    }

    [Fact]
    public async Task TryReserve_AppliesALoweredCap_ToTheSamePeriod()
    {
        await _ledger.TryReserveAsync("bank-001", Period, 5 * Tenth, 3 * One, "q1", Now, Ct);

        Assert.False((await _ledger.TryReserveAsync("bank-001", Period, 1, 5 * Tenth, "q2", Now, Ct)).Reserved);
    }

    [Fact]
    public async Task StoreAnswer_KeepsTheFirstAnswer_WhenTwoIdenticalQueriesRace()
    {
        Assert.Null(await _ledger.FindAnswerAsync("bank-001", Period, "h", Ct));

        var first = await _ledger.StoreAnswerAsync("bank-001", Period, "h", "{\"a\":1}", Now, Ct);
        var second = await _ledger.StoreAnswerAsync("bank-001", Period, "h", "{\"a\":2}", Now, Ct);

        Assert.Equal(("{\"a\":1}", "{\"a\":1}"), (first, second));
        Assert.Equal("{\"a\":1}", await _ledger.FindAnswerAsync("bank-001", Period, "h", Ct));
        Assert.Null(await _ledger.FindAnswerAsync("bank-002", Period, "h", Ct));
        Assert.Null(await _ledger.FindAnswerAsync("bank-001", Period.AddDays(30), "h", Ct));
    }

    [Fact]
    public void Schema_HasNoStatementThatLowersSpentOrDeletes()
    {
        var statements = string.Join('\n', typeof(SqlitePrivacyLedger).Assembly.GetType("DataGateway.Storage.Budget.BudgetSchema")!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!));

        Assert.DoesNotContain("DELETE", statements, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("spent_micro -", statements, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("INSERT OR REPLACE", statements, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TryReserve_ThrowsLedgerUnavailable_WhenAnotherWriterHoldsTheLock()
    {
        using var locker = new SqliteConnection($"Data Source={_path};Pooling=False;Default Timeout=1");
        locker.Open();
        using (var command = locker.CreateCommand())
        {
            command.CommandText = "PRAGMA busy_timeout=1; BEGIN EXCLUSIVE;";
            command.ExecuteNonQuery();
        }

        // The ledger's busy_timeout (5 s) runs out while another writer holds the lock: fail closed.
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => _ledger.TryReserveAsync("bank-001", Period, Tenth, One, "q", Now, Ct));
    }

    [Property(MaxTest = 60)]
    public Property TryReserve_MatchesLongModel_AndNeverExceedsCap(PositiveInt capTenths, int[] requests)
    {
        var institution = "bank-" + Guid.NewGuid().ToString("N");
        var cap = capTenths.Get % 40 * Tenth;
        long model = 0;
        foreach (var request in (requests ?? []).Take(30))
        {
            // Mostly small spends near the cap, sometimes odd micro amounts.
            var epsilon = 1 + ((long)(uint)request % (request % 3 == 0 ? 7 : 4 * Tenth));
            var fits = model + epsilon <= cap;
            var result = _ledger.TryReserveAsync(institution, Period, epsilon, cap, "q", Now, Ct).GetAwaiter().GetResult();
            model += fits ? epsilon : 0;
            if (result.Reserved != fits || result.SpentMicro != model || model > cap)
            {
                return false.Label($"reserve {epsilon} with cap {cap}: got {result}, model {model}");
            }
        }

        return (_ledger.SpentAsync(institution, Period, Ct).GetAwaiter().GetResult() == model).Label("stored total differs from the model");
    }

    private long Count(string sql) => Scalar<long>(sql);

    private T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
