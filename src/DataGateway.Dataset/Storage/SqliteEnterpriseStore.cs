using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DataGateway.Core.Records;
using Microsoft.Data.Sqlite;

namespace DataGateway.Dataset.Storage;

/// <summary>
/// A dataset written by <see cref="DatasetWriter"/>, opened read-only. Safe for concurrent
/// use: each lookup rents a connection with its own prepared statement from a small pool.
/// </summary>
public sealed class SqliteEnterpriseStore : IEnterpriseStore, IDisposable
{
    private readonly string _connectionString;
    private readonly ConcurrentBag<Lookup> _pool = [];
    private readonly int _maxPooled = Math.Max(4, Environment.ProcessorCount * 4);
    private bool _disposed;

    private SqliteEnterpriseStore(string connectionString, DateOnly asOf, long count)
    {
        _connectionString = connectionString;
        AsOf = asOf;
        Count = count;
    }

    /// <inheritdoc />
    public DateOnly AsOf { get; }

    /// <inheritdoc />
    public long Count { get; }

    /// <summary>Opens <c>&lt;directory&gt;/enterprises.db</c>; a missing or incomplete dataset stops the caller.</summary>
    public static SqliteEnterpriseStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var path = Path.Combine(directory, DatasetWriter.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No dataset in the data directory; generate one first.", path);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM meta";
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                meta[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (!meta.TryGetValue(DatasetMeta.AsOfKey, out var asOf) || !meta.TryGetValue(DatasetMeta.CountKey, out var count))
        {
            throw new InvalidDataException("The dataset has no as-of date or count; it is incomplete.");
        }

        return new SqliteEnterpriseStore(
            connectionString,
            DateOnly.ParseExact(asOf, RecordTable.DateFormat, CultureInfo.InvariantCulture),
            long.Parse(count, CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public bool TryGet(string uscc, [NotNullWhen(true)] out EnterpriseRecord? record)
    {
        ArgumentNullException.ThrowIfNull(uscc);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lookup = _pool.TryTake(out var pooled) ? pooled : new Lookup(_connectionString);
        try
        {
            record = lookup.Find(uscc);
        }
        catch
        {
            lookup.Dispose();
            throw;
        }

        if (_pool.Count < _maxPooled && !_disposed)
        {
            _pool.Add(lookup);
        }
        else
        {
            lookup.Dispose();
        }

        return record is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Subjects(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT uscc FROM enterprises ORDER BY rowid LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var subjects = new List<string>(Math.Min(count, 100_000));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            subjects.Add(reader.GetString(0));
        }

        return subjects;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var lookup))
        {
            lookup.Dispose();
        }
    }

    /// <summary>One connection with its prepared lookup statement; used by one request at a time.</summary>
    private sealed class Lookup : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _uscc;

        public Lookup(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = RecordTable.SelectByUsccSql;
            _uscc = _command.Parameters.Add("$uscc", SqliteType.Text);
            _command.Prepare();
        }

        public EnterpriseRecord? Find(string uscc)
        {
            _uscc.Value = uscc;
            using var reader = _command.ExecuteReader();
            return reader.Read() ? RecordTable.Read(reader) : null;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
