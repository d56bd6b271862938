using DataGateway.Storage.Audit;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Storage.Tests.Audit;

public sealed class SqliteAuditLogTests
{
    private static CancellationToken Ct => TempDatabase.Ct;

    [Fact]
    public async Task AppendAsync_PersistsEntriesOrderAndHashes_WhenLogIsReopened()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var receipts = new List<AuditAppendResult>();
        await using (var log = await db.OpenAsync(time))
        {
            for (var i = 0; i < 5; i++)
            {
                receipts.Add(await log.AppendAsync(Some.Entry(i), Ct));
                time.Advance(TimeSpan.FromMilliseconds(7));
            }
        }

        await using var reopened = await db.OpenAsync(time);
        var rows = await db.ReadAllAsync(reopened);

        Assert.Equal(5, reopened.Count);
        Assert.Equal([0L, 1, 2, 3, 4], rows.Select(r => r.Index));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(Some.SameEntry(Some.Entry(i), rows[i].Entry));
            Assert.Equal(receipts[i].EntryHash, rows[i].EntryHash);
            Assert.Equal(receipts[i].Timestamp, rows[i].Timestamp);
            Assert.Equal(i == 0 ? new byte[32] : rows[i - 1].EntryHash, rows[i].PreviousHash);
        }

        Assert.True(SqliteAuditLog.VerifyChain(db.Path).Ok);
        var next = await reopened.AppendAsync(Some.Entry(5), Ct);
        Assert.Equal(5, next.Index);
        Assert.Equal(new AuditVerification(true, 6, null, null), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task AppendAsync_GivesContiguousUniqueIndexesAndBatchesCommits_WhenManyTasksAppendConcurrently()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        const int appends = 2000;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(worker => Task.Run(async () =>
        {
            var mine = new List<AuditAppendResult>();
            for (var i = 0; i < appends / 50; i++)
            {
                mine.Add(await log.AppendAsync(Some.Entry((worker * 1000) + i), Ct));
            }

            return mine;
        }, Ct)));

        var indexes = results.SelectMany(r => r).Select(r => r.Index).Order().ToList();
        Assert.Equal(Enumerable.Range(0, appends).Select(i => (long)i), indexes);
        Assert.Equal(appends, log.Count);
        Assert.Equal(appends, db.RowCount());
        Assert.InRange(log.CommitCount, 1, appends - 1);
        Assert.Equal(new AuditVerification(true, appends, null, null), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task AppendAsync_CommitsEachEntryAlone_WhenMaxBatchSizeIsOne()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync(options: new AuditLogOptions { MaxBatchSize = 1 });

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => log.AppendAsync(Some.Entry(i), Ct).AsTask()));

        Assert.Equal(40, log.CommitCount);
        Assert.True(AuditChainVerifier.Verify(db.Path).Ok);
    }

    [Fact]
    public async Task AppendAsync_CompletesAll_WhenSixtyFourWorkersAppendTwentyThousandEntries()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < 20_000; i += 64)
            {
                await log.AppendAsync(Some.Entry(i), Ct);
            }
        }, Ct)));

        Assert.Equal(20_000, log.Count);
        Assert.Equal(new AuditVerification(true, 20_000, null, null), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task AppendAsync_KeepsTimestampsMonotonic_WhenClockStepsBackwards()
    {
        using var db = new TempDatabase();
        var start = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var clock = new SteppingClock(start);
        await using var log = await db.OpenAsync(clock);

        var first = await log.AppendAsync(Some.Entry(0), Ct);
        clock.Now = start.AddMinutes(-30);
        var second = await log.AppendAsync(Some.Entry(1), Ct);
        clock.Now = start.AddMinutes(5);
        var third = await log.AppendAsync(Some.Entry(2), Ct);

        Assert.Equal(start, first.Timestamp);
        Assert.Equal(start, second.Timestamp);
        Assert.Equal(start.AddMinutes(5), third.Timestamp);
        Assert.True(AuditChainVerifier.Verify(db.Path).Ok);
    }

    [Fact]
    public async Task AppendAsync_KeepsTimestampsMonotonic_WhenReopenedWithAnEarlierClock()
    {
        using var db = new TempDatabase();
        var late = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using (var log = await db.OpenAsync(new FakeTimeProvider(late)))
        {
            await log.AppendAsync(Some.Entry(0), Ct);
        }

        await using var reopened = await db.OpenAsync(new FakeTimeProvider(late.AddDays(-1)));
        var result = await reopened.AppendAsync(Some.Entry(1), Ct);

        Assert.Equal(late, result.Timestamp);
    }

    [Fact]
    public async Task ReadSinceAsync_ReturnsOnlyEntriesAtOrAfterTheTime_InIndexOrder()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var log = await db.OpenAsync(time);
        for (var i = 0; i < 6; i++)
        {
            await log.AppendAsync(Some.Entry(i), Ct);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var since = new List<long>();
        await foreach (var row in log.ReadSinceAsync(new DateTimeOffset(2025, 3, 1, 8, 3, 0, TimeSpan.Zero), Ct))
        {
            since.Add(row.Index);
        }

        var page = new List<long>();
        await foreach (var row in log.ReadAsync(2, 3, Ct))
        {
            page.Add(row.Index);
        }

        Assert.Equal([3L, 4, 5], since);
        Assert.Equal([2L, 3, 4], page);
    }

    [Fact]
    public async Task OpenAsync_ConfiguresWalAndFullSync_OnTheDatabaseFile()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        await log.AppendAsync(Some.Entry(0), Ct);

        using var raw = db.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task OpenAsync_Throws_WhenOptionsAreInvalid()
    {
        using var db = new TempDatabase();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.OpenAsync(options: new AuditLogOptions { MaxBatchSize = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.OpenAsync(options: new AuditLogOptions { MaxFieldLength = 8 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.OpenAsync(options: new AuditLogOptions { BusyTimeout = TimeSpan.Zero }));
    }

    /// <summary>A clock that can be set backwards (FakeTimeProvider refuses to go back in time).</summary>
    private sealed class SteppingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
