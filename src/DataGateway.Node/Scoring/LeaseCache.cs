namespace DataGateway.Node.Scoring;

/// <summary>
/// A bounded least-recently-used cache of expensive, disposable values (fixed-base tables, randomizer
/// pools). Callers hold a lease while they use a value; an evicted value is disposed only when its last
/// lease ends, so native tables are never freed under a running score.
/// </summary>
/// <remarks>
/// A value is built once per key even under concurrent first use (one <see cref="Lazy{T}"/> per entry),
/// outside the cache lock so building one model never stalls requests for another. A build that throws
/// leaves nothing cached, and the next request tries again.
/// </remarks>
internal sealed class LeaseCache<T> : IDisposable
    where T : class
{
    private readonly int _maxEntries;
    private readonly long _maxCost;
    private readonly Action<T> _dispose;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private long _totalCost;

    /// <param name="maxEntries">Most values held.</param>
    /// <param name="maxCost">Most total cost (e.g. bytes) held; the newest value is kept even if it alone exceeds it.</param>
    /// <param name="dispose">Releases a value once it is evicted and unleased.</param>
    public LeaseCache(int maxEntries, long maxCost, Action<T> dispose)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        _maxEntries = maxEntries;
        _maxCost = maxCost;
        _dispose = dispose;
    }

    /// <summary>Values held now (tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Leases the value for <paramref name="key"/>, building it with <paramref name="create"/> on first use.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="create">Builds the value and reports its cost; may throw to refuse.</param>
    public Lease Acquire(string key, Func<(T Value, long Cost)> create)
    {
        Entry entry;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                entry = existing;
                _recency.Remove(entry.Node);
                _recency.AddFirst(entry.Node);
            }
            else
            {
                entry = new Entry(key, new Lazy<(T, long)>(create, LazyThreadSafetyMode.ExecutionAndPublication));
                _entries[key] = entry;
                _recency.AddFirst(entry.Node);
            }

            entry.Leases++;
        }

        (T Value, long Cost) built;
        try
        {
            built = entry.Value.Value;
        }
        catch
        {
            lock (_lock)
            {
                entry.Leases--;
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                    _recency.Remove(entry.Node);
                }
            }

            throw;
        }

        List<T>? released = null;
        lock (_lock)
        {
            if (!entry.Counted && !entry.Evicted)
            {
                entry.Counted = true;
                entry.Cost = built.Cost;
                _totalCost += built.Cost;
            }

            released = EvictOverBudget(entry);
        }

        DisposeAll(released);
        return new Lease(this, entry, built.Value);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<T> released = [];
        lock (_lock)
        {
            foreach (var entry in _entries.Values.ToArray())
            {
                if (Evict(entry) is { } value)
                {
                    released.Add(value);
                }
            }
        }

        DisposeAll(released);
    }

    private List<T>? EvictOverBudget(Entry keep)
    {
        List<T>? released = null;
        var candidate = _recency.Last;
        while (candidate is not null && (_entries.Count > _maxEntries || _totalCost > _maxCost))
        {
            var previous = candidate.Previous;
            if (!ReferenceEquals(candidate.Value, keep) && candidate.Value.Counted && Evict(candidate.Value) is { } value)
            {
                (released ??= []).Add(value);
            }

            candidate = previous;
        }

        return released;
    }

    // Under the lock: unlinks the entry; returns its value when no lease holds it any more.
    private T? Evict(Entry entry)
    {
        if (entry.Evicted)
        {
            return null;
        }

        entry.Evicted = true;
        _entries.Remove(entry.Key);
        _recency.Remove(entry.Node);
        _totalCost -= entry.Counted ? entry.Cost : 0;
        return entry.Leases == 0 && entry.Value.IsValueCreated ? entry.Value.Value.Item1 : null;
    }

    private void Release(Entry entry)
    {
        T? value = null;
        lock (_lock)
        {
            entry.Leases--;
            if (entry.Evicted && entry.Leases == 0)
            {
                value = entry.Value.Value.Item1;
            }
        }

        if (value is not null)
        {
            _dispose(value);
        }
    }

    private void DisposeAll(List<T>? values)
    {
        foreach (var value in values ?? [])
        {
            _dispose(value);
        }
    }

    /// <summary>A value in use; disposing the lease returns it to the cache.</summary>
    internal sealed class Lease(LeaseCache<T> cache, Entry entry, T value) : IDisposable
    {
        private int _released;

        /// <summary>The leased value; valid until the lease is disposed.</summary>
        public T Value { get; } = value;

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                cache.Release(entry);
            }
        }
    }

    /// <summary>One cached key.</summary>
    internal sealed class Entry
    {
        public Entry(string key, Lazy<(T, long)> value)
        {
            Key = key;
            Value = value;
            Node = new LinkedListNode<Entry>(this);
        }

        public string Key { get; }

        public Lazy<(T, long)> Value { get; }

        public LinkedListNode<Entry> Node { get; }

        public int Leases { get; set; }

        public long Cost { get; set; }

        public bool Counted { get; set; }

        public bool Evicted { get; set; }
    }
}
