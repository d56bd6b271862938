using DataGateway.Node.Hosting;

namespace DataGateway.Node.Tests;

public sealed class CachedEnterpriseStoreTests
{
    [Fact]
    public void RepeatedReads_OfOneSubject_ReachTheStoreOnce_AndReturnTheSameRecord()
    {
        var record = Some.Record();
        var inner = new CountingStore(record);
        using var cache = new CachedEnterpriseStore(inner, capacity: 10);

        Assert.True(cache.TryGet(record.Uscc, out var first));
        Assert.True(cache.TryGet(record.Uscc, out var second));

        Assert.Equal(1, inner.Reads);
        Assert.Same(first, second);
        Assert.Equal(record, first);
    }

    [Fact]
    public void UnknownSubjects_AreNotCached_AndStayUnknown()
    {
        var inner = new CountingStore(Some.Record());
        using var cache = new CachedEnterpriseStore(inner, capacity: 10);

        Assert.False(cache.TryGet("not-in-the-store", out _));
        Assert.False(cache.TryGet("not-in-the-store", out _));

        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public void TheCache_StaysWithinItsCapacity()
    {
        var records = Enumerable.Range(0, 50).Select(i => Some.RecordWith("Uscc", $"SUBJECT{i:D11}")).ToArray();
        var inner = new CountingStore(records);
        using var cache = new CachedEnterpriseStore(inner, capacity: 10);

        foreach (var record in records)
        {
            Assert.True(cache.TryGet(record.Uscc, out _));
        }

        // Past the limit the cache refuses new entries (and compacts in the background, which can only
        // evict more): every record is still served, and at least the 40 it could not hold are re-read.
        var before = inner.Reads;
        foreach (var record in records)
        {
            Assert.True(cache.TryGet(record.Uscc, out var again));
            Assert.Equal(record.Uscc, again.Uscc);
        }

        Assert.True(inner.Reads - before >= 40, $"only {inner.Reads - before} of 50 re-reads reached the store: the cache holds more than its capacity");
    }

    [Fact]
    public void AsOfAndCount_AreTheStores()
    {
        var inner = new CountingStore(Some.Record());
        using var cache = new CachedEnterpriseStore(inner, capacity: 1);

        Assert.Equal(inner.AsOf, cache.AsOf);
        Assert.Equal(1, cache.Count);
    }
}
