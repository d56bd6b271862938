using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DataGateway.Storage.Merkle;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DataGateway.Storage.Audit;

/// <summary>
/// The SQLite audit log: hash-chained, group-committed, durable before any append completes.
/// </summary>
/// <remarks>
/// Appends flow through one pipeline:
/// <code>
/// AppendAsync (any thread)          writer thread (one)
///   1 cap fields                    3 take every queued append, up to MaxBatchSize
///   2 enqueue, await  ==========&gt;   4 chain them in order, insert in ONE transaction (prepared command)
///                                   5 COMMIT (one fsync, synchronous=FULL)
///   6 await returns   &lt;==========     complete each waiter; on failure fail them all and reload the head
/// </code>
/// Group commit amortises the fsync over every waiting request, yet no caller resumes before its own entry is
/// durable (RELIABILITY.md item 4; ARCHITECTURE.md "Audit log").
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog
{
    private readonly string _databasePath;
    private readonly AuditLogOptions _options;
    private readonly ILogger<SqliteAuditLog> _logger;
    private readonly AuditBatchWriter _writer;
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;
    private long _commitCount;
    private int _disposed;

    private SqliteAuditLog(string databasePath, AuditLogOptions options, ILogger<SqliteAuditLog> logger, AuditBatchWriter writer)
    {
        _databasePath = databasePath;
        _options = options;
        _logger = logger;
        _writer = writer;
        _count = writer.CommittedCount;
        // A dedicated thread: commits block on fsync, which must not tie up thread-pool threads on 2 cores.
        new Thread(WriterLoop) { IsBackground = true, Name = "audit-writer" }.Start();
    }

    /// <inheritdoc />
    public long Count => Volatile.Read(ref _count);

    /// <summary>Number of transactions committed so far (one per batch); shows group commit at work.</summary>
    internal long CommitCount => Volatile.Read(ref _commitCount);

    /// <summary>
    /// Opens (or creates) the log, verifies its durability settings and checks the tail entry.
    /// </summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    /// <param name="time">Clock for entry timestamps.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="options">Tuning; defaults if null.</param>
    /// <param name="ct">Cancels before opening.</param>
    /// <returns>The open log.</returns>
    /// <exception cref="AuditCorruptException">The last entry fails its hash or link check.</exception>
    /// <exception cref="InvalidOperationException">The database refuses WAL or synchronous=FULL.</exception>
    public static Task<SqliteAuditLog> OpenAsync(
        string databasePath, TimeProvider time, ILogger<SqliteAuditLog> logger, AuditLogOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ct.ThrowIfCancellationRequested();
        options ??= new AuditLogOptions();
        options.Validate();

        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = AuditConnections.OpenWriter(databasePath, options.BusyTimeout);
        AuditBatchWriter writer;
        try
        {
            writer = new AuditBatchWriter(connection, time, options.BusyTimeout);
        }
        catch (AuditCorruptException ex)
        {
            AuditLogMessages.TailCorrupt(logger, ex);
            connection.Dispose();
            throw;
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        AuditLogMessages.Opened(logger, writer.CommittedCount);
        return Task.FromResult(new SqliteAuditLog(databasePath, options, logger, writer));
    }

    /// <summary>Verifies the whole chain of a database file; see <see cref="AuditChainVerifier.Verify"/>.</summary>
    /// <param name="databasePath">Path of the SQLite file.</param>
    /// <returns>The outcome, naming the first bad index.</returns>
    public static AuditVerification VerifyChain(string databasePath) => AuditChainVerifier.Verify(databasePath);

    /// <inheritdoc />
    public ValueTask<AuditAppendResult> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(AuditEntryNormalizer.Normalize(entry, _options.MaxFieldLength));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new AuditUnavailableException("The audit log is closed.");
        }

        return new ValueTask<AuditAppendResult>(pending.Completion.Task.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredAuditEntry> ReadAsync(
        long fromIndex, int limit, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await foreach (var row in QueryAsync(
            "WHERE seq >= $from ORDER BY seq LIMIT $limit", [new("$from", fromIndex), new("$limit", limit)], ct).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredAuditEntry> ReadSinceAsync(
        DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in QueryAsync(
            "WHERE ts >= $since ORDER BY seq", [new("$since", since.ToUnixTimeMilliseconds())], ct).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredAuditEntry> ReadBySubjectAsync(
        string subject, long afterIndex, int limit, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // Served by ix_audit_entries_subject (subject, seq): a page costs O(limit), not O(log size).
        await foreach (var row in QueryAsync(
            "WHERE subject = $subject AND seq > $after ORDER BY seq LIMIT $limit",
            [new("$subject", subject), new("$after", afterIndex), new("$limit", limit)], ct).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredAuditEntry> ReadFilteredAsync(AuditEntryFilter filter, CancellationToken ct)
    {
        var (clause, parameters) = AuditEntryQuery.Build(filter);
        return QueryAsync(clause, parameters, ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Queued appends are still committed: the writer drains the channel before it stops.
        _queue.Writer.TryComplete();
        await _writerStopped.Task.ConfigureAwait(false);
        lock (_writer.Gate)
        {
            _writer.Dispose();
        }
    }

    /// <summary>Test hook: runs SQL on the writer connection between batches (fault injection, RELIABILITY.md A9).</summary>
    internal void ExecuteOnWriterConnection(string sql)
    {
        lock (_writer.Gate)
        {
            _writer.Execute(sql);
        }
    }

    /// <inheritdoc />
    public T ReadTree<T>(Func<MerkleTreeReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var connection = AuditConnections.OpenReader(_databasePath, _options.BusyTimeout);
        using var tree = new MerkleTreeReader(connection);
        return read(tree);
    }

    private async IAsyncEnumerable<StoredAuditEntry> QueryAsync(
        string whereAndOrder, SqliteParameter[] parameters, [EnumeratorCancellation] CancellationToken ct)
    {
        // A short-lived connection per read keeps read snapshots short, so WAL checkpoints are not starved (C6).
        using var connection = AuditConnections.OpenReader(_databasePath, _options.BusyTimeout);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditSchema.SelectColumns} FROM audit_entries {whereAndOrder}";
        command.Parameters.AddRange(parameters);
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return AuditSchema.ReadRow(reader);
        }
    }

    private void WriterLoop()
    {
        var batch = new List<PendingAppend>(Math.Min(_options.MaxBatchSize, 4096));
        var reader = _queue.Reader;
        try
        {
            // Blocking is right here: this thread exists only to run this loop.
            while (WaitForAppends(reader))
            {
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                CommitBatch(batch);
                batch.Clear();
            }
        }
        finally
        {
            _writerStopped.TrySetResult();
        }
    }

    /// <summary>
    /// Blocks until an append is queued (true) or the queue is completed (false). An empty queue is
    /// waited for on the task's wait handle, not with Task.Wait: Task.Wait spins first, and on a
    /// 2-core box the writer's spinning between group commits took a tenth of a core from requests.
    /// </summary>
    private static bool WaitForAppends(ChannelReader<PendingAppend> reader)
    {
        var ready = reader.WaitToReadAsync();
        if (ready.IsCompleted)
        {
            return ready.GetAwaiter().GetResult();
        }

        var task = ready.AsTask();
        ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        return task.GetAwaiter().GetResult();
    }

    private void CommitBatch(List<PendingAppend> batch)
    {
        AuditAppendResult[] results;
        try
        {
            lock (_writer.Gate)
            {
                results = _writer.Commit(batch);
                Volatile.Write(ref _count, _writer.CommittedCount);
            }
        }
#pragma warning disable CA1031 // Any failure, known or not, must fail the waiters closed rather than kill the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AuditLogMessages.BatchFailed(_logger, batch.Count, ex);
            var failure = new AuditUnavailableException("The audit log could not commit the entry.", ex);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }

            return;
        }

        Interlocked.Increment(ref _commitCount);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }
}
