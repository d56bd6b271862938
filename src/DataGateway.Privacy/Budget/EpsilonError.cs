namespace DataGateway.Privacy.Budget;

/// <summary>Why a wire value is not an acceptable epsilon (RELIABILITY.md D2).</summary>
public enum EpsilonError
{
    /// <summary>The value is acceptable.</summary>
    None = 0,

    /// <summary>Not a JSON number: a string such as "0.1", NaN, Infinity, or malformed text.</summary>
    NotANumber,

    /// <summary>Zero, negative zero or negative.</summary>
    NotPositive,

    /// <summary>Not a whole number of micro-units (e.g. 0.1234567 or 1e-30): rejected, never rounded.</summary>
    TooPrecise,

    /// <summary>Above <see cref="Epsilon.MaxValue"/> (e.g. 1e308).</summary>
    TooLarge,
}
