using DataGateway.Storage.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>A fresh directory holding one audit database, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dg-audit-" + Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(_directory);

    public string Path => System.IO.Path.Combine(_directory, "audit.db");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<SqliteAuditLog> OpenAsync(TimeProvider? time = null, AuditLogOptions? options = null) =>
        SqliteAuditLog.OpenAsync(Path, time ?? TimeProvider.System, NullLogger<SqliteAuditLog>.Instance, options, Ct);

    /// <summary>A second, independent connection: the attacker's or the competing process's.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        connection.Open();
        return connection;
    }

    public long RowCount()
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_entries";
        return (long)command.ExecuteScalar()!;
    }

    public async Task<List<StoredAuditEntry>> ReadAllAsync(IAuditLog log)
    {
        var rows = new List<StoredAuditEntry>();
        await foreach (var row in log.ReadAsync(0, int.MaxValue, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
