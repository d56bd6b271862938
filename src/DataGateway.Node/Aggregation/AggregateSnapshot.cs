using System.Collections.Concurrent;
using DataGateway.Dataset;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// The node's in-memory columnar copy of its store for aggregates: the dimension codes, loaded at start
/// (<see cref="WarmUp"/>) or by the first aggregate, and each measured field, loaded the first time it
/// is measured. A request waits for
/// the columns it needs; nothing is answered from a partly loaded column. A failed load is retried by
/// the next request rather than remembered.
/// </summary>
internal sealed class AggregateSnapshot : IDisposable
{
    private readonly IColumnSource _source;
    private readonly ConcurrentDictionary<string, Lazy<Task<NumericColumn>>> _fields = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Lazy<Task<byte[][]>> _dimensions;

    /// <summary>Reads a SQLite dataset column by column when the node opened one, else goes through the store.</summary>
    public AggregateSnapshot(NodeSettings settings, IEnterpriseStore store)
        : this(settings is { Store: null, DataDirectory.Length: > 0 }
            ? new SqliteColumnSource(settings.DataDirectory, store.AsOf)
            : new RecordColumnSource(store))
    {
    }

    /// <summary>A snapshot of <paramref name="source"/>.</summary>
    internal AggregateSnapshot(IColumnSource source)
    {
        _source = source;
        _dimensions = NewDimensions();
    }

    /// <summary>The date the data is current to.</summary>
    public DateOnly AsOf => _source.AsOf;

    /// <summary>
    /// Starts loading the dimension columns of a SQLite dataset in the background (a few seconds per
    /// million rows), so the first aggregate does not wait for them; stores given to the node in memory
    /// are read only when an aggregate asks. A failed warm-up is retried by the first request.
    /// </summary>
    public void WarmUp()
    {
        if (_source is SqliteColumnSource)
        {
            _ = DimensionsAsync().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>The dimension columns, loading them on first use.</summary>
    public async Task<byte[][]> DimensionsAsync()
    {
        var load = _dimensions;
        try
        {
            return await load.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (ReferenceEquals(_dimensions, load))
                {
                    _dimensions = NewDimensions();
                }
            }

            throw;
        }
    }

    /// <summary>The column of a measurable field, loading it on first use.</summary>
    public async Task<NumericColumn> FieldAsync(string field)
    {
        var load = _fields.GetOrAdd(field, f => new Lazy<Task<NumericColumn>>(() => Task.Run(() =>
        {
            var (values, known) = _source.ReadField(f);
            return NumericColumn.Create(values, known);
        })));
        try
        {
            return await load.Value;
        }
        catch
        {
            _fields.TryRemove(new KeyValuePair<string, Lazy<Task<NumericColumn>>>(field, load));
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => (_source as IDisposable)?.Dispose();

    private Lazy<Task<byte[][]>> NewDimensions() => new(() => Task.Run(_source.ReadDimensions));
}
