namespace DataGateway.Node.Aggregation;

/// <summary>
/// Reads the store column by column for the <see cref="AggregateSnapshot"/>. Every read returns the
/// rows in one fixed order, so the columns of one source line up row by row.
/// </summary>
internal interface IColumnSource
{
    /// <summary>The date the data is current to.</summary>
    DateOnly AsOf { get; }

    /// <summary>The codes of every row, one array per dimension of <see cref="Core.Catalog.AggregateDimensions.All"/>.</summary>
    byte[][] ReadDimensions();

    /// <summary>The integer encoding of a measurable field per row; <c>Known[i] == 0</c> where the row has no value (null when all are known).</summary>
    (long[] Values, byte[]? Known) ReadField(string field);
}
