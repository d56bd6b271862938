using DataGateway.Storage.Audit;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>RELIABILITY.md A9: when the store cannot make an entry durable, the append fails and nothing is written.</summary>
public sealed class AuditFailClosedTests
{
    private static CancellationToken Ct => TempDatabase.Ct;

    [Fact]
    public async Task AppendAsync_ThrowsAuditUnavailableAndWritesNothing_WhenTheDatabaseIsFull()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        await AppendSomeAsync(log, 0, 3);

        // max_page_count below the current size clamps to the current size: any growth is SQLITE_FULL.
        log.ExecuteOnWriterConnection("PRAGMA max_page_count = 1");
        var attempts = Enumerable.Range(0, 8).Select(i => log.AppendAsync(Bulky(i), Ct).AsTask()).ToList();
        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAsync<AuditUnavailableException>(() => attempt);
        }

        Assert.Equal(3, log.Count);
        Assert.Equal(3, db.RowCount());

        log.ExecuteOnWriterConnection("PRAGMA max_page_count = 1073741823");
        var recovered = await log.AppendAsync(Bulky(9), Ct);

        Assert.Equal(3, recovered.Index);
        Assert.Equal(new AuditVerification(true, 4, null, null), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task AppendAsync_ThrowsAuditUnavailable_WhenAnotherConnectionHoldsTheWriteLockPastTheBusyTimeout()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync(options: new AuditLogOptions { BusyTimeout = TimeSpan.FromMilliseconds(100) });
        await AppendSomeAsync(log, 0, 2);

        using (var competitor = db.OpenRaw())
        using (var exclusive = competitor.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();

            var ex = await Assert.ThrowsAsync<AuditUnavailableException>(async () => await log.AppendAsync(Some.Entry(2), Ct));

            Assert.NotNull(ex.InnerException);
            Assert.Equal(2, log.Count);
            exclusive.CommandText = "ROLLBACK";
            exclusive.ExecuteNonQuery();
        }

        var recovered = await log.AppendAsync(Some.Entry(3), Ct);

        Assert.Equal(2, recovered.Index);
        Assert.Equal(new AuditVerification(true, 3, null, null), AuditChainVerifier.Verify(db.Path));
    }

    // chmod 0444 does not stop root (the test user), so the read-only store is simulated with query_only,
    // which makes SQLite refuse every write on the log's own connection with SQLITE_READONLY.
    [Fact]
    public async Task AppendAsync_ThrowsAuditUnavailable_WhenTheStoreIsReadOnly()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        await AppendSomeAsync(log, 0, 2);

        log.ExecuteOnWriterConnection("PRAGMA query_only = 1");
        await Assert.ThrowsAsync<AuditUnavailableException>(async () => await log.AppendAsync(Some.Entry(2), Ct));
        Assert.Equal(2, db.RowCount());

        log.ExecuteOnWriterConnection("PRAGMA query_only = 0");
        var recovered = await log.AppendAsync(Some.Entry(3), Ct);

        Assert.Equal(2, recovered.Index);
        Assert.True(AuditChainVerifier.Verify(db.Path).Ok);
    }

    [Fact]
    public async Task AppendAsync_ThrowsAuditUnavailable_WhenTheLogIsDisposed()
    {
        using var db = new TempDatabase();
        var log = await db.OpenAsync();
        await log.DisposeAsync();

        await Assert.ThrowsAsync<AuditUnavailableException>(async () => await log.AppendAsync(Some.Entry(0), Ct));
    }

    [Fact]
    public async Task DisposeAsync_CommitsAppendsAlreadyQueued_BeforeClosing()
    {
        using var db = new TempDatabase();
        var log = await db.OpenAsync();
        var pending = Enumerable.Range(0, 100).Select(i => log.AppendAsync(Some.Entry(i), Ct).AsTask()).ToList();

        await log.DisposeAsync();

        Assert.All(pending, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.Equal(100, db.RowCount());
    }

    private static async Task AppendSomeAsync(SqliteAuditLog log, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await log.AppendAsync(Some.Entry(i), Ct);
        }
    }

    /// <summary>An entry that needs several new pages: every field and many predicates at the cap.</summary>
    private static AuditEntry Bulky(int i) => Some.Entry(i) with
    {
        Actor = new string('a', 256),
        QueryHash = new string('q', 256),
        ResultDigest = new string('r', 256),
        Predicates = Enumerable.Range(0, 64).Select(p => $"{p}-" + new string('p', 250)).ToArray(),
    };
}
