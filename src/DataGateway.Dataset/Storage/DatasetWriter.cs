using System.Globalization;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;
using Microsoft.Data.Sqlite;

namespace DataGateway.Dataset.Storage;

/// <summary>Writes a node's dataset: <c>&lt;dir&gt;/enterprises.db</c>, a SQLite file with a <c>meta</c> table.</summary>
public static class DatasetWriter
{
    /// <summary>The dataset's file name inside its directory.</summary>
    public const string FileName = "enterprises.db";

    private const int BatchSize = 10_000;

    /// <summary>
    /// Generates <paramref name="spec"/> and writes it; returns the dataset's path. An existing
    /// dataset in the directory is replaced only once the new one is complete.
    /// </summary>
    /// <remarks>
    /// The file is built under a temporary name and renamed at the end, so a crash or a
    /// cancellation never leaves a half-written file that looks like a dataset. Durability
    /// pragmas are off while building for the same reason: an interrupted build is discarded.
    /// </remarks>
    public static string Write(
        string directory, DatasetSpec spec, PersonalDataHmac hmac, IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(hmac);
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, FileName);
        var partial = target + ".partial";
        File.Delete(partial);

        var records = EnterpriseGenerator.Generate(spec, hmac);
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                connection.Open();
                Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;");
                Execute(connection, RecordTable.CreateSql);
                Execute(connection, "CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)");

                using var insert = connection.CreateCommand();
                insert.CommandText = RecordTable.InsertSql;
                var parameters = new SqliteParameter[RecordTable.Columns.Length];
                for (var i = 0; i < parameters.Length; i++)
                {
                    // No declared type: each value binds as its own storage class (INTEGER, TEXT or NULL).
                    parameters[i] = insert.CreateParameter();
                    parameters[i].ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
                    insert.Parameters.Add(parameters[i]);
                }

                long done = 0;
                var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                insert.Prepare();
                foreach (var record in records)
                {
                    RecordTable.Bind(parameters, record);
                    insert.ExecuteNonQuery();
                    if (++done % BatchSize == 0)
                    {
                        transaction.Commit();
                        transaction.Dispose();
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Report(new DatasetProgress(done, spec.Count));
                        transaction = connection.BeginTransaction();
                        insert.Transaction = transaction;
                    }
                }

                WriteMeta(connection, transaction, spec, done);
                transaction.Commit();
                transaction.Dispose();
                progress?.Report(new DatasetProgress(done, spec.Count));
            }
        }
        catch
        {
            // Never leave a partial file behind: the next build would delete it anyway, but an operator should not find one.
            File.Delete(partial);
            throw;
        }

        File.Move(partial, target, overwrite: true);
        return target;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, DatasetSpec spec, long count)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($k, $v)";
        var key = command.Parameters.Add("$k", SqliteType.Text);
        var value = command.Parameters.Add("$v", SqliteType.Text);
        foreach (var (k, v) in new[]
        {
            (DatasetMeta.AsOfKey, spec.AsOf.ToString(RecordTable.DateFormat, CultureInfo.InvariantCulture)),
            (DatasetMeta.SeedKey, spec.Seed.ToString(CultureInfo.InvariantCulture)),
            (DatasetMeta.CountKey, count.ToString(CultureInfo.InvariantCulture)),
            (DatasetMeta.GeneratorVersionKey, DatasetSpec.GeneratorVersion),
        })
        {
            key.Value = k;
            value.Value = v;
            command.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
