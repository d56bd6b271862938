using System.Numerics;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// One measurable field of every row, stored in the narrowest integer type that holds all its values
/// (flags take a byte a row, amounts eight), with an optional mask of rows that have no value.
/// </summary>
internal abstract class NumericColumn
{
    /// <summary>Rows in the column.</summary>
    public abstract int Length { get; }

    /// <summary>Narrows <paramref name="values"/> (zero where unknown) into the smallest type that holds every known value.</summary>
    /// <param name="values">The integer encoding per row.</param>
    /// <param name="known">1 where the row has a value, 0 where not; null when every row has one.</param>
    public static NumericColumn Create(long[] values, byte[]? known)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (known is not null && known.Length != values.Length)
        {
            throw new ArgumentException("The mask does not match the values.", nameof(known));
        }

        long min = 0, max = 0;
        for (var i = 0; i < values.Length; i++)
        {
            min = long.Min(min, values[i]);
            max = long.Max(max, values[i]);
        }

        return (min, max) switch
        {
            ( >= sbyte.MinValue, <= sbyte.MaxValue) => new NumericColumn<sbyte>(Narrow<sbyte>(values), known),
            ( >= short.MinValue, <= short.MaxValue) => new NumericColumn<short>(Narrow<short>(values), known),
            ( >= int.MinValue, <= int.MaxValue) => new NumericColumn<int>(Narrow<int>(values), known),
            _ => new NumericColumn<long>(values, known),
        };
    }

    /// <summary>
    /// Adds each row of [<paramref name="from"/>, <paramref name="to"/>) that has a value and passes the
    /// query to its group: one to the count, the value clamped to [lower, upper] to the sum.
    /// </summary>
    public abstract void Accumulate(BoundQuery query, int from, int to, long[] counts, Int128[] sums, long lower, long upper);

    private static T[] Narrow<T>(long[] values)
        where T : struct, IBinaryInteger<T>
    {
        var narrow = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            narrow[i] = T.CreateTruncating(values[i]);
        }

        return narrow;
    }
}

/// <summary>A column of <typeparamref name="T"/>; the JIT compiles the loop once per type, with no boxing.</summary>
internal sealed class NumericColumn<T>(T[] values, byte[]? known) : NumericColumn
    where T : struct, IBinaryInteger<T>
{
    /// <inheritdoc />
    public override int Length => values.Length;

    /// <inheritdoc />
    public override void Accumulate(BoundQuery query, int from, int to, long[] counts, Int128[] sums, long lower, long upper)
    {
        for (var row = from; row < to; row++)
        {
            if (known is not null && known[row] == 0)
            {
                continue;
            }

            var group = query.GroupOf(row);
            if (group < 0)
            {
                continue;
            }

            counts[group]++;
            // Clamped before it is added (RELIABILITY.md D11): one row moves a sum by at most max(|lower|, |upper|).
            sums[group] += long.Clamp(long.CreateTruncating(values[row]), lower, upper);
        }
    }
}
