using DataGateway.Core.Catalog;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;
using DataGateway.Node.Aggregation;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>The direct column scan of a SQLite dataset reads exactly what the record path reads, for every column.</summary>
public sealed class SqliteColumnSourceTests : IDisposable
{
    private static readonly PersonalDataHmac Hmac = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-node-tests", Path.GetRandomFileName());

    [Fact]
    public void Fields_AreExactlyTheMeasurableCatalogFields()
    {
        var measurable = FieldCatalog.All.Where(AggregateDimensions.IsMeasurable).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(measurable, SqliteFieldColumns.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadDimensionsAndReadField_EqualTheRecordPath_ForEveryDimensionAndField()
    {
        var spec = new DatasetSpec(3_000, 17, new DateOnly(2024, 6, 30));
        DatasetWriter.Write(_directory, spec, Hmac, cancellationToken: TestContext.Current.CancellationToken);
        using var store = SqliteEnterpriseStore.Open(_directory);
        using var scan = new SqliteColumnSource(_directory, store.AsOf);
        var records = new RecordColumnSource(store);

        var dimensions = scan.ReadDimensions();
        Assert.Equal(records.ReadDimensions(), dimensions);
        Assert.All(dimensions, column => Assert.Equal(3_000, column.Length));
        // The generator fills every dimension for most rows: a wrong column mapping would show as all Unknown.
        Assert.All(dimensions, column => Assert.True(column.Count(c => c != DimensionCodes.Unknown) > 2_000));
        foreach (var field in SqliteFieldColumns.Fields)
        {
            var (values, known) = scan.ReadField(field);
            var (expectedValues, expectedKnown) = records.ReadField(field);
            Assert.Equal(expectedKnown, known ?? Enumerable.Repeat((byte)1, values.Length).ToArray());
            Assert.Equal(expectedValues, values);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
