using System.Globalization;
using System.Text.Json;

namespace DataGateway.Privacy.Budget;

/// <summary>
/// A positive privacy-loss parameter held as an integer number of micro-units (10⁻⁶), so budget
/// arithmetic is exact: ten spends of 0.1 sum to exactly 1.0 (RELIABILITY.md item 6, D2).
/// </summary>
/// <remarks>
/// Wire values are parsed from their decimal text, never through <c>double</c>. A value that is
/// not a whole number of micro-units is rejected rather than rounded: rounding down would
/// under-charge the budget for the noise the caller asked for, rounding up would charge for
/// something not asked for, and either hides a client bug.
/// </remarks>
public readonly record struct Epsilon : IComparable<Epsilon>
{
    /// <summary>Micro-units in one unit of epsilon.</summary>
    public const long MicroUnitsPerUnit = 1_000_000;

    /// <summary>The largest accepted value in micro-units (epsilon 1000); policy caps are far lower.</summary>
    public const long MaxMicroUnits = 1000 * MicroUnitsPerUnit;

    private Epsilon(long microUnits) => MicroUnits = microUnits;

    /// <summary>The smallest representable epsilon, 10⁻⁶.</summary>
    public static Epsilon MinValue => new(1);

    /// <summary>The largest accepted epsilon, 1000.</summary>
    public static Epsilon MaxValue => new(MaxMicroUnits);

    /// <summary>The value in micro-units, between 1 and <see cref="MaxMicroUnits"/>.</summary>
    public long MicroUnits { get; }

    /// <summary>Creates an epsilon from micro-units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in [1, <see cref="MaxMicroUnits"/>].</exception>
    public static Epsilon FromMicroUnits(long microUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(microUnits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(microUnits, MaxMicroUnits);
        return new Epsilon(microUnits);
    }

    /// <summary>Parses the text of a JSON number (e.g. <c>0.1</c>, <c>5e-1</c>) exactly.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Epsilon epsilon, out EpsilonError error)
    {
        error = EpsilonParser.Parse(text, out var micro);
        epsilon = error == EpsilonError.None ? new Epsilon(micro) : default;
        return error == EpsilonError.None;
    }

    /// <summary>Reads an epsilon from a JSON element; only a JSON number is accepted.</summary>
    public static bool TryFromJson(JsonElement element, out Epsilon epsilon, out EpsilonError error)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            epsilon = default;
            error = EpsilonError.NotANumber;
            return false;
        }

        return TryParse(element.GetRawText(), out epsilon, out error);
    }

    /// <summary>Converts a decimal exactly (decimal is base 10, so 0.1m is exactly one tenth).</summary>
    public static bool TryFromDecimal(decimal value, out Epsilon epsilon, out EpsilonError error) =>
        TryParse(value.ToString(CultureInfo.InvariantCulture), out epsilon, out error);

    /// <summary>Splits into two parts that add up exactly to this value; the first gets the odd micro-unit.</summary>
    /// <exception cref="InvalidOperationException">The value is one micro-unit and cannot be split.</exception>
    public (Epsilon First, Epsilon Second) SplitInHalf()
    {
        if (MicroUnits < 2)
        {
            throw new InvalidOperationException("One micro-unit cannot be split.");
        }

        var second = MicroUnits / 2;
        return (new Epsilon(MicroUnits - second), new Epsilon(second));
    }

    /// <summary>The exact decimal value.</summary>
    public decimal ToDecimal() => MicroUnits / (decimal)MicroUnitsPerUnit;

    /// <inheritdoc />
    public int CompareTo(Epsilon other) => MicroUnits.CompareTo(other.MicroUnits);

    /// <summary>Compares two values.</summary>
    public static bool operator <(Epsilon left, Epsilon right) => left.MicroUnits < right.MicroUnits;

    /// <summary>Compares two values.</summary>
    public static bool operator >(Epsilon left, Epsilon right) => left.MicroUnits > right.MicroUnits;

    /// <summary>Compares two values.</summary>
    public static bool operator <=(Epsilon left, Epsilon right) => left.MicroUnits <= right.MicroUnits;

    /// <summary>Compares two values.</summary>
    public static bool operator >=(Epsilon left, Epsilon right) => left.MicroUnits >= right.MicroUnits;

    /// <summary>The shortest exact decimal text, e.g. "0.1".</summary>
    public override string ToString() => ToDecimal().ToString("0.######", CultureInfo.InvariantCulture);
}
