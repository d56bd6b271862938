using System.Diagnostics;
using DataGateway.Dataset.Storage;
using Microsoft.Data.Sqlite;

namespace DataGateway.Bench.Aggregates;

/// <summary>(a): the same group-by as plain SQL on the node's store; the store keeps the province as the division's first two digits.</summary>
internal static class PlainSqlGroupBy
{
    public const string Sql =
        "SELECT substr(division, 1, 2), industry, COUNT(tax_paid_12m), SUM(tax_paid_12m) FROM enterprises GROUP BY 1, 2";

    public static Measurement Measure(string directory, int runs)
    {
        using var connection = Open(directory);
        var times = new List<double>();
        var groups = 0;
        for (var run = -1; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            groups = Run(connection).Count;
            watch.Stop();
            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Measurement.Of(times, groups);
    }

    public static SqliteConnection Open(string directory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, DatasetWriter.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Count and sum per (province, industry) key.</summary>
    public static Dictionary<string, (long Count, long Sum)> Run(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        var groups = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            groups[reader.GetString(0) + "|" + reader.GetString(1)] = (reader.GetInt64(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3));
        }

        return groups;
    }
}
