namespace DataGateway.Core.Catalog;

/// <summary>
/// The data categories an enterprise's consent can cover; each field and predicate reads one.
/// The JSON names are the camelCase member names (see <see cref="FieldCategories"/>).
/// </summary>
public enum FieldCategory
{
    /// <summary>Market-regulation registration, annual reports, pledges and lists.</summary>
    Registration,

    /// <summary>Administrative penalties.</summary>
    Penalties,

    /// <summary>Tax grade, declarations, payments and arrears.</summary>
    Tax,

    /// <summary>Social insurance.</summary>
    Social,

    /// <summary>Housing provident fund.</summary>
    HousingFund,

    /// <summary>Electricity and other utilities.</summary>
    Utilities,

    /// <summary>Courts: lawsuits, enforcement, dishonest-debtor lists.</summary>
    Judicial,

    /// <summary>Patents, trademarks, technology certification.</summary>
    Ip,

    /// <summary>Customs.</summary>
    Customs,

    /// <summary>The legal representative's identity (HMAC-matched only).</summary>
    LegalRep,
}
