using System.Diagnostics.CodeAnalysis;
using DataGateway.Core.Records;
using DataGateway.Dataset;

namespace DataGateway.Node.Tests;

/// <summary>An in-memory store that counts reads, to prove refused requests compute nothing.</summary>
internal sealed class CountingStore(params EnterpriseRecord[] records) : IEnterpriseStore
{
    private readonly Dictionary<string, EnterpriseRecord> _records = records.ToDictionary(r => r.Uscc, StringComparer.Ordinal);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public DateOnly AsOf => Some.AsOf;

    public long Count => _records.Count;

    public bool TryGet(string uscc, [NotNullWhen(true)] out EnterpriseRecord? record)
    {
        Interlocked.Increment(ref _reads);
        return _records.TryGetValue(uscc, out record);
    }

    public IReadOnlyList<string> Subjects(int count) => _records.Keys.Take(count).ToList();
}
