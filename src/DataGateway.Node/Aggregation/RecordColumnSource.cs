using DataGateway.Core.Records;
using DataGateway.Dataset;
using DataGateway.Node.Scoring;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// Columns read record by record through any <see cref="IEnterpriseStore"/> (tests, embedded stores);
/// a node serving a SQLite dataset uses <see cref="SqliteColumnSource"/>, which scans columns directly.
/// </summary>
internal sealed class RecordColumnSource(IEnterpriseStore store) : IColumnSource
{
    private readonly Lazy<IReadOnlyList<string>> _subjects = new(() => store.Subjects(checked((int)store.Count)));

    /// <inheritdoc />
    public DateOnly AsOf => store.AsOf;

    /// <inheritdoc />
    public byte[][] ReadDimensions()
    {
        var subjects = _subjects.Value;
        var codes = new byte[Core.Catalog.AggregateDimensions.All.Count][];
        for (var d = 0; d < codes.Length; d++)
        {
            codes[d] = new byte[subjects.Count];
        }

        for (var row = 0; row < subjects.Count; row++)
        {
            var record = Read(subjects[row]);
            codes[DimensionCodes.Province][row] = record is null ? DimensionCodes.Unknown : DimensionCodes.ProvinceOf(record.Division);
            codes[DimensionCodes.Industry][row] = DimensionCodes.Of(DimensionCodes.Industry, record?.Industry);
            codes[DimensionCodes.OrgForm][row] = DimensionCodes.Of(DimensionCodes.OrgForm, record?.OrgForm);
            codes[DimensionCodes.Status][row] = DimensionCodes.Of(DimensionCodes.Status, record?.Status);
            codes[DimensionCodes.TaxGrade][row] = DimensionCodes.Of(DimensionCodes.TaxGrade, record?.TaxGrade);
            codes[DimensionCodes.AgeBand][row] = record is null ? DimensionCodes.Unknown : DimensionCodes.AgeBandOf(record.RegisteredOn, store.AsOf);
            codes[DimensionCodes.SizeClass][row] = DimensionCodes.SizeClassOf(record?.SocialHeadcount);
        }

        return codes;
    }

    /// <inheritdoc />
    public (long[] Values, byte[]? Known) ReadField(string field)
    {
        var encode = FieldEncodings.Numbers[field];
        var subjects = _subjects.Value;
        var values = new long[subjects.Count];
        var known = new byte[subjects.Count];
        for (var row = 0; row < subjects.Count; row++)
        {
            if (Read(subjects[row]) is { } record && encode(record, store.AsOf) is { } value)
            {
                values[row] = value;
                known[row] = 1;
            }
        }

        return (values, known);
    }

    private EnterpriseRecord? Read(string subject) => store.TryGet(subject, out var record) ? record : null;
}
