namespace DataGateway.Core.Catalog;

/// <summary>What a field holds and so how it encodes as an integer.</summary>
public enum FieldKind
{
    /// <summary>A code from a closed list; scores use indicators such as <c>tax.grade=A</c>.</summary>
    Categorical,

    /// <summary>A whole number of events or persons.</summary>
    Count,

    /// <summary>Whole currency units (CNY unless the unit says otherwise).</summary>
    Amount,

    /// <summary>A ratio, encoded in basis points.</summary>
    Ratio,

    /// <summary>Encoded 0 or 1.</summary>
    Boolean,

    /// <summary>Whole years.</summary>
    Years,

    /// <summary>An HMAC under the platform key: matched by predicates, never released or aggregated.</summary>
    Hmac,
}
