using DataGateway.Storage.Audit;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>
/// RELIABILITY.md C6 for exports: a slow consumer of a chunked range read holds no read snapshot between chunks,
/// so WAL checkpoints keep running and the WAL stays bounded while appends continue.
/// </summary>
public sealed class AuditEntryQueryWalTests
{
    private const int Appends = 30_000;
    private const long WalBoundBytes = 8L * 1024 * 1024;

    private static CancellationToken Ct => TempDatabase.Ct;

    [Fact]
    public async Task ReadRangeInChunksAsync_KeepsTheWalBounded_WhileItsConsumerStallsBetweenChunks()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        await AppendAsync(log, 0, 1000);

        await using var export = log.ReadRangeInChunksAsync(0, long.MaxValue, 100, Ct).GetAsyncEnumerator(Ct);
        Assert.True(await export.MoveNextAsync());
        await AppendAsync(log, 1000, Appends); // the auditor's download stalls meanwhile

        Assert.InRange(new FileInfo(db.Path + "-wal").Length, 0, WalBoundBytes);
        Assert.True(await export.MoveNextAsync());
        Assert.Equal(100, export.Current[0].Index);
    }

    [Fact]
    public async Task LazyRead_LetsTheWalGrow_WhileItsConsumerStalls_ProvingTheBoundAboveCanFail()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        await AppendAsync(log, 0, 1000);

        // One open statement mid-iteration pins a snapshot: the checkpoint cannot restart the WAL.
        await using var lazy = log.ReadAsync(0, int.MaxValue, Ct).GetAsyncEnumerator(Ct);
        Assert.True(await lazy.MoveNextAsync());
        await AppendAsync(log, 1000, Appends);

        Assert.True(new FileInfo(db.Path + "-wal").Length > WalBoundBytes);
    }

    private static async Task AppendAsync(IAuditLog log, int from, int count)
    {
        for (var start = from; start < from + count; start += 2048)
        {
            var n = Math.Min(2048, from + count - start);
            await Task.WhenAll(Enumerable.Range(start, n).Select(i => log.AppendAsync(Some.Entry(i), Ct).AsTask()));
        }
    }
}
