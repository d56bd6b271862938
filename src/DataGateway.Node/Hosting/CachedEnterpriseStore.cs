using System.Diagnostics.CodeAnalysis;
using DataGateway.Core.Records;
using DataGateway.Dataset;
using Microsoft.Extensions.Caching.Memory;

namespace DataGateway.Node.Hosting;

/// <summary>
/// Keeps recently read records decoded in memory, at most <c>capacity</c> of them. A node serves
/// one immutable snapshot (one as-of date), so a cached record never goes stale: a new snapshot
/// means a new node process. Measured in bench/: the SQLite read and decode of one record was
/// the node's largest cost per verification.
/// </summary>
internal sealed class CachedEnterpriseStore : IEnterpriseStore, IDisposable
{
    private readonly IEnterpriseStore _inner;
    private readonly MemoryCache _records;

    public CachedEnterpriseStore(IEnterpriseStore inner, int capacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        // Each record counts 1 toward the limit; compaction evicts the least recently used tenth.
        _records = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
    }

    public DateOnly AsOf => _inner.AsOf;

    public long Count => _inner.Count;

    public bool TryGet(string uscc, [NotNullWhen(true)] out EnterpriseRecord? record)
    {
        if (_records.TryGetValue(uscc, out record) && record is not null)
        {
            return true;
        }

        if (!_inner.TryGet(uscc, out record))
        {
            return false;
        }

        using (var entry = _records.CreateEntry(uscc))
        {
            entry.Size = 1;
            entry.Value = record;
        }

        return true;
    }

    public IReadOnlyList<string> Subjects(int count) => _inner.Subjects(count);

    public void Dispose() => _records.Dispose();
}
