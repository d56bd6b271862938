using System.Globalization;
using DataGateway.Dataset.Storage;
using DataGateway.Node.Scoring;
using Microsoft.Data.Sqlite;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// Columns scanned straight from a dataset's <c>enterprises</c> table in rowid order, one column per
/// query, so loading a measured field reads only that field (about a second per million rows instead of
/// a million record lookups).
/// </summary>
/// <remarks>
/// One read-only connection stays open for the source's lifetime: a dataset replaced on disk (the
/// writer renames a new file into place) cannot mix rows of two datasets into one snapshot.
/// </remarks>
internal sealed class SqliteColumnSource : IColumnSource, IDisposable
{
    private const string DimensionsSql =
        "SELECT division, industry, org_form, status, tax_grade, registered_on, social_headcount FROM enterprises ORDER BY rowid";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    /// <summary>Opens <c>&lt;directory&gt;/enterprises.db</c> read-only.</summary>
    public SqliteColumnSource(string directory, DateOnly asOf)
    {
        var path = Path.Combine(directory, DatasetWriter.FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        AsOf = asOf;
    }

    /// <inheritdoc />
    public DateOnly AsOf { get; }

    /// <inheritdoc />
    public byte[][] ReadDimensions()
    {
        var rows = new List<(byte Province, byte Industry, byte OrgForm, byte Status, byte Grade, byte Age, byte Size)>();
        Scan(DimensionsSql, reader => rows.Add((
            DimensionCodes.ProvinceOf(reader.GetString(0)),
            DimensionCodes.Of(DimensionCodes.Industry, reader.GetString(1)),
            DimensionCodes.Of(DimensionCodes.OrgForm, reader.GetString(2)),
            DimensionCodes.Of(DimensionCodes.Status, reader.GetString(3)),
            DimensionCodes.Of(DimensionCodes.TaxGrade, reader.IsDBNull(4) ? null : reader.GetString(4)),
            DimensionCodes.AgeBandOf(ParseDate(reader.GetString(5)), AsOf),
            DimensionCodes.SizeClassOf(reader.IsDBNull(6) ? null : reader.GetInt64(6)))));

        var codes = new byte[Core.Catalog.AggregateDimensions.All.Count][];
        for (var d = 0; d < codes.Length; d++)
        {
            codes[d] = new byte[rows.Count];
        }

        for (var row = 0; row < rows.Count; row++)
        {
            var r = rows[row];
            codes[DimensionCodes.Province][row] = r.Province;
            codes[DimensionCodes.Industry][row] = r.Industry;
            codes[DimensionCodes.OrgForm][row] = r.OrgForm;
            codes[DimensionCodes.Status][row] = r.Status;
            codes[DimensionCodes.TaxGrade][row] = r.Grade;
            codes[DimensionCodes.AgeBand][row] = r.Age;
            codes[DimensionCodes.SizeClass][row] = r.Size;
        }

        return codes;
    }

    /// <inheritdoc />
    public (long[] Values, byte[]? Known) ReadField(string field)
    {
        var column = SqliteFieldColumns.Of(field);
        var values = new List<long>();
        var known = new List<byte>();
        var anyUnknown = false;
        Scan("SELECT " + column + " FROM enterprises ORDER BY rowid", reader =>
        {
            if (reader.IsDBNull(0))
            {
                values.Add(0);
                known.Add(0);
                anyUnknown = true;
                return;
            }

            values.Add(column == SqliteFieldColumns.RegisteredOn
                ? FieldEncodings.WholeYears(ParseDate(reader.GetString(0)), AsOf)
                : reader.GetInt64(0));
            known.Add(1);
        });

        return ([.. values], anyUnknown ? [.. known] : null);
    }

    /// <summary>Closes the connection once a scan in flight (a warm-up at shutdown) has finished with it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="sql"/> and hands every row to <paramref name="row"/>; one scan at a time on the one connection.</summary>
    private void Scan(string sql, Action<SqliteDataReader> row)
    {
        lock (_gate)
        {
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                _connection.Open();
            }

            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
        }
    }

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
