using DataGateway.Node.Aggregation;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>Columns narrow to the smallest type that holds every value, and never lose one.</summary>
public sealed class NumericColumnTests
{
    [Theory]
    [InlineData(new long[] { 0, 1, -128, 127 }, typeof(NumericColumn<sbyte>))]
    [InlineData(new long[] { 0, 128 }, typeof(NumericColumn<short>))]
    [InlineData(new long[] { -32769 }, typeof(NumericColumn<int>))]
    [InlineData(new long[] { 1, int.MaxValue + 1L }, typeof(NumericColumn<long>))]
    [InlineData(new long[] { long.MinValue, long.MaxValue }, typeof(NumericColumn<long>))]
    public async Task Create_PicksTheNarrowestTypeAndKeepsEveryValue(long[] values, Type expected)
    {
        var column = NumericColumn.Create(values, known: null);
        Assert.IsType(expected, column);

        // An unclamped sum over the narrowed column equals the exact sum of the values.
        var snapshot = new AggregateSnapshot(new FixedColumns(values));
        var plan = new AggregatePlan("tax.paid12m", [DimensionCodes.SizeClass], new Dictionary<int, ulong>(), long.MinValue, long.MaxValue);
        var answer = await new AggregateComputation(snapshot).RunAsync(plan);
        var group = Assert.Single(answer.Groups);
        Assert.Equal(values.Aggregate(Int128.Zero, (s, v) => s + v), group.ClampedSum);
        Assert.Equal(values.Length, group.Count);
    }

    /// <summary>Every row in size class "micro", with the given values of one field.</summary>
    private sealed class FixedColumns(long[] values) : IColumnSource
    {
        public DateOnly AsOf => Some.AsOf;

        public byte[][] ReadDimensions() =>
            [.. Core.Catalog.AggregateDimensions.All.Select(_ => new byte[values.Length])];

        public (long[] Values, byte[]? Known) ReadField(string field) => (values, null);
    }
}
